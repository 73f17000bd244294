#include "MessageMediaRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString kColumns =
    u"account_id, message_sid, media_sid, position, content_type, state, "
    u"COALESCE(size_bytes, -1), file_path, error, attempts, created_at, content_uri "_s;

MessageMedia readMedia(const QSqlQuery &q)
{
    MessageMedia m;
    m.accountId = q.value(0).toLongLong();
    m.messageSid = q.value(1).toString();
    m.mediaSid = q.value(2).toString();
    m.position = q.value(3).toInt();
    m.contentType = q.value(4).toString();
    m.state = q.value(5).toString();
    m.sizeBytes = q.value(6).toLongLong();
    m.filePath = q.value(7).toString();
    m.error = q.value(8).toString();
    m.attempts = q.value(9).toInt();
    m.createdAt = q.value(10).toLongLong();
    m.contentUri = q.value(11).toString();
    return m;
}

} // namespace

MessageMediaRows::MessageMediaRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool MessageMediaRows::fail(const QString &what, const QString &sqlError)
{
    m_error = what + u": "_s + sqlError;
    return false;
}

bool MessageMediaRows::touchMessage(qint64 accountId, const QString &messageSid)
{
    // A no-op update: the change feed reports the message updated and open threads re-read
    // its row, media included.
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE messages SET updated_at = updated_at WHERE account_id = :account AND "
                  u"provider_sid = :sid"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":sid"_s, messageSid);
    return query.exec() || fail(u"cannot mark message "_s + messageSid, query.lastError().text());
}

bool MessageMediaRows::noteMessages(qint64 accountId, const QList<QPair<QString, int>> &messages)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO media_listings (account_id, message_sid, num_media) "
                  u"VALUES (:account, :sid, :count) ON CONFLICT DO NOTHING"_s);
    for (const auto &[sid, count] : messages) {
        query.bindValue(u":account"_s, accountId);
        query.bindValue(u":sid"_s, sid);
        query.bindValue(u":count"_s, std::max(count, 1));
        if (!query.exec())
            return fail(u"cannot note the media of "_s + sid, query.lastError().text());
    }
    return true;
}

std::optional<QStringList> MessageMediaRows::unlisted(qint64 accountId, int limit)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT message_sid FROM media_listings WHERE account_id = :account AND "
                  u"listed_at IS NULL ORDER BY rowid LIMIT :limit"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":limit"_s, limit);
    if (!query.exec()) {
        fail(u"cannot read the media lists to fetch"_s, query.lastError().text());
        return std::nullopt;
    }
    QStringList sids;
    while (query.next())
        sids.append(query.value(0).toString());
    return sids;
}

bool MessageMediaRows::storeListing(qint64 accountId, const QString &messageSid,
                                    const QList<MessageMedia> &items, qint64 nowMs)
{
    m_error.clear();
    QSqlQuery insert(m_db);
    insert.prepare(
        u"INSERT INTO message_media (account_id, message_sid, media_sid, position, "
        u"content_type, content_uri, created_at) VALUES (:account, :message, :media, "
        u":position, :type, :uri, :created) ON CONFLICT (account_id, media_sid) DO NOTHING"_s);
    for (const MessageMedia &item : items) {
        insert.bindValue(u":account"_s, accountId);
        insert.bindValue(u":message"_s, messageSid);
        insert.bindValue(u":media"_s, item.mediaSid);
        insert.bindValue(u":position"_s, item.position);
        insert.bindValue(u":type"_s, item.contentType);
        insert.bindValue(u":uri"_s, item.contentUri);
        insert.bindValue(u":created"_s, item.createdAt);
        if (!insert.exec())
            return fail(u"cannot record media "_s + item.mediaSid, insert.lastError().text());
    }
    QSqlQuery listed(m_db);
    listed.prepare(u"UPDATE media_listings SET listed_at = :now, error = '' "
                   u"WHERE account_id = :account AND message_sid = :sid"_s);
    listed.bindValue(u":now"_s, nowMs);
    listed.bindValue(u":account"_s, accountId);
    listed.bindValue(u":sid"_s, messageSid);
    if (!listed.exec())
        return fail(u"cannot mark the media of "_s + messageSid, listed.lastError().text());
    return touchMessage(accountId, messageSid);
}

bool MessageMediaRows::failListing(qint64 accountId, const QString &messageSid,
                                   const QString &error)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE media_listings SET error = :error "
                  u"WHERE account_id = :account AND message_sid = :sid"_s);
    query.bindValue(u":error"_s, error);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":sid"_s, messageSid);
    return query.exec() || fail(u"cannot note a media list failure"_s, query.lastError().text());
}

std::optional<QList<MessageMedia>> MessageMediaRows::toDownload(qint64 accountId, int maxAttempts)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + kColumns +
                  u"FROM message_media WHERE account_id = :account AND (state = 'pending' OR "
                  u"(state = 'failed' AND attempts < :max)) ORDER BY id"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":max"_s, maxAttempts);
    if (!query.exec()) {
        fail(u"cannot read the media to download"_s, query.lastError().text());
        return std::nullopt;
    }
    QList<MessageMedia> result;
    while (query.next())
        result.append(readMedia(query));
    return result;
}

bool MessageMediaRows::markCached(qint64 accountId, const QString &mediaSid,
                                  const QString &filePath, qint64 sizeBytes,
                                  const QString &contentType, qint64 nowMs)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE message_media SET state = 'cached', file_path = :path, size_bytes = "
                  u":size, content_type = CASE WHEN content_type = '' THEN :type ELSE "
                  u"content_type END, error = '', attempts = attempts + 1, fetched_at = :now, "
                  u"last_used_at = :now WHERE account_id = :account AND media_sid = :media "
                  u"RETURNING message_sid"_s);
    query.bindValue(u":path"_s, filePath);
    query.bindValue(u":size"_s, sizeBytes);
    query.bindValue(u":type"_s, contentType);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":media"_s, mediaSid);
    if (!query.exec())
        return fail(u"cannot mark media "_s + mediaSid + u" cached"_s, query.lastError().text());
    const QString message = query.next() ? query.value(0).toString() : QString();
    query.finish();
    return message.isEmpty() || touchMessage(accountId, message);
}

bool MessageMediaRows::markFailed(qint64 accountId, const QString &mediaSid, const QString &state,
                                  const QString &error, qint64 sizeBytes)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE message_media SET state = :state, error = :error, size_bytes = "
                  u"CASE WHEN :size < 0 THEN size_bytes ELSE :size END, file_path = '', "
                  u"attempts = attempts + 1 WHERE account_id = :account AND media_sid = :media "
                  u"RETURNING message_sid"_s);
    query.bindValue(u":state"_s, state);
    query.bindValue(u":error"_s, error);
    query.bindValue(u":size"_s, sizeBytes);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":media"_s, mediaSid);
    if (!query.exec())
        return fail(u"cannot mark media "_s + mediaSid + u" failed"_s, query.lastError().text());
    const QString message = query.next() ? query.value(0).toString() : QString();
    query.finish();
    return message.isEmpty() || touchMessage(accountId, message);
}

bool MessageMediaRows::touch(qint64 accountId, const QString &mediaSid, qint64 nowMs)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE message_media SET last_used_at = :now "
                  u"WHERE account_id = :account AND media_sid = :media"_s);
    query.bindValue(u":now"_s, nowMs);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":media"_s, mediaSid);
    return query.exec() || fail(u"cannot touch media "_s + mediaSid, query.lastError().text());
}

std::optional<QStringList> MessageMediaRows::evictToFit(qint64 capBytes)
{
    m_error.clear();
    const std::optional<qint64> total = cachedBytes();
    if (!total)
        return std::nullopt;
    QStringList files;
    if (*total <= capBytes)
        return files;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT account_id, media_sid, message_sid, file_path, COALESCE(size_bytes, 0) "
                  u"FROM message_media WHERE state = 'cached' ORDER BY last_used_at, id"_s);
    if (!query.exec()) {
        fail(u"cannot read the media cache"_s, query.lastError().text());
        return std::nullopt;
    }
    struct Victim
    {
        qint64 accountId;
        QString mediaSid;
        QString messageSid;
    };
    QList<Victim> victims;
    qint64 left = *total;
    while (left > capBytes && query.next()) {
        victims.append(
            {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()});
        files.append(query.value(3).toString());
        left -= query.value(4).toLongLong();
    }
    query.finish();
    QSqlQuery evict(m_db);
    evict.prepare(u"UPDATE message_media SET state = 'evicted', file_path = '' "
                  u"WHERE account_id = :account AND media_sid = :media"_s);
    for (const Victim &victim : victims) {
        evict.bindValue(u":account"_s, victim.accountId);
        evict.bindValue(u":media"_s, victim.mediaSid);
        if (!evict.exec()) {
            fail(u"cannot evict media "_s + victim.mediaSid, evict.lastError().text());
            return std::nullopt;
        }
        if (!touchMessage(victim.accountId, victim.messageSid))
            return std::nullopt;
    }
    return files;
}

std::optional<qint64> MessageMediaRows::cachedBytes()
{
    m_error.clear();
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT COALESCE(SUM(size_bytes), 0) FROM message_media "
                    u"WHERE state = 'cached'"_s) ||
        !query.next()) {
        fail(u"cannot size the media cache"_s, query.lastError().text());
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

std::optional<QList<MessageMedia>> MessageMediaRows::forMessage(qint64 accountId,
                                                                const QString &messageSid)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT "_s + kColumns +
                  u"FROM message_media WHERE account_id = :account AND message_sid = :sid "
                  u"ORDER BY position, id"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":sid"_s, messageSid);
    if (!query.exec()) {
        fail(u"cannot read the media of "_s + messageSid, query.lastError().text());
        return std::nullopt;
    }
    QList<MessageMedia> result;
    while (query.next())
        result.append(readMedia(query));
    return result;
}
