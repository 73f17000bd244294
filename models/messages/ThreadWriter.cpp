#include "ThreadWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

constexpr int PreviewLength = 120;

} // namespace

ThreadWriter::ThreadWriter(QSqlDatabase db)
    : m_db(db)
    , m_findSender(db)
    , m_findThread(db)
    , m_insertThread(db)
    , m_setLatest(db)
    , m_addUnread(db)
    , m_setPreview(db)
    , m_applyNews(db)
    , m_version(db)
{}

void ThreadWriter::clearCache()
{
    m_senders.clear();
    m_threads.clear();
    m_seenChanges = -1;
}

bool ThreadWriter::checkCache()
{
    if (!prepare() || !run(m_version, "reading the data version"))
        return false;
    const bool current = m_version.next() && m_version.value(0).toLongLong() == m_seenChanges &&
                         m_version.value(1).toLongLong() == m_seenDataVersion;
    m_version.finish();
    if (!current)
        clearCache();
    return true;
}

bool ThreadWriter::cacheIsCurrent()
{
    if (!prepare() || !run(m_version, "reading the data version"))
        return false;
    if (m_version.next()) {
        m_seenChanges = m_version.value(0).toLongLong();
        m_seenDataVersion = m_version.value(1).toLongLong();
    }
    m_version.finish();
    return true;
}

QString ThreadWriter::preview(const QString &body)
{
    const QString flat = body.simplified();
    return flat.size() > PreviewLength ? flat.left(PreviewLength - 1) + QChar(0x2026) : flat;
}

bool ThreadWriter::prepare()
{
    if (m_prepared)
        return true;
    const auto prep = [this](QSqlQuery &query, const QString &sql) {
        if (query.prepare(sql))
            return true;
        m_error = u"cannot prepare thread statement: %1"_s.arg(query.lastError().text());
        return false;
    };
    m_prepared =
        prep(m_findSender,
             u"SELECT id, provider_keyword, send_only_notifications FROM sender_numbers "
             u"WHERE number = :number AND account_id = :account"_s) &&
        prep(m_findThread, u"SELECT id FROM threads WHERE account_id = :account AND "
                           u"customer_number = :customer AND sender_number_id = :sender AND "
                           u"provider_keyword = coalesce(:keyword, '')"_s) &&
        prep(m_insertThread,
             u"INSERT INTO threads (account_id, customer_number, sender_number_id, "
             u"provider_keyword) "
             u"VALUES (:account, :customer, :sender, coalesce(:keyword, '')) RETURNING id"_s) &&
        prep(m_setLatest, u"UPDATE threads SET last_message_id = :message, last_message_at = :at, "
                          u"last_message_preview = coalesce(:preview, '') WHERE id = :thread AND "
                          u"(last_message_at IS NULL "
                          u"OR last_message_at < :at OR (last_message_at = :at AND "
                          u"coalesce(last_message_id, 0) < :message))"_s) &&
        prep(m_addUnread,
             u"UPDATE threads SET unread_count = unread_count + :count, status = 'open', "
             u"snoozed_until = NULL WHERE id = :thread"_s) &&
        prep(
            m_setPreview,
            u"UPDATE threads SET last_message_preview = coalesce(:preview, '') WHERE id = :thread "
            u"AND last_message_id = :message AND last_message_preview <> coalesce(:preview, '')"_s) &&
        prep(m_version, u"SELECT total_changes(), data_version FROM pragma_data_version"_s) &&
        // Every SET reads the row as it was, so "newer" is tested against the old last
        // message in each of the three.
        prep(m_applyNews,
             u"UPDATE threads SET "
             u"last_message_id = iif(n.newer, n.message, last_message_id), "
             u"last_message_at = iif(n.newer, n.at, last_message_at), "
             u"last_message_preview = iif(n.newer, n.preview, last_message_preview), "
             u"unread_count = unread_count + n.inbound, "
             u"status = iif(n.inbound > 0, 'open', status), "
             u"snoozed_until = iif(n.inbound > 0, NULL, snoozed_until) "
             u"FROM (SELECT p.thread, p.message, p.at, p.preview, p.inbound, "
             u"(t.last_message_at IS NULL OR t.last_message_at < p.at OR "
             u"(t.last_message_at = p.at AND coalesce(t.last_message_id, 0) < p.message)) "
             u"AS newer FROM (SELECT json_extract(value, '$[0]') AS thread, "
             u"json_extract(value, '$[1]') AS message, json_extract(value, '$[2]') AS at, "
             u"json_extract(value, '$[3]') AS preview, json_extract(value, '$[4]') AS inbound "
             u"FROM json_each(?)) p JOIN threads t ON t.id = p.thread) n "
             u"WHERE threads.id = n.thread AND (n.newer OR n.inbound > 0) "
             u"RETURNING threads.id"_s);
    return m_prepared;
}

bool ThreadWriter::run(QSqlQuery &query, const char *what)
{
    if (query.exec())
        return true;
    m_error = u"%1 failed: %2"_s.arg(QLatin1StringView(what), query.lastError().text());
    return false;
}

bool ThreadWriter::senderNumber(qint64 accountId, const QString &number,
                                std::optional<SenderNumber> *out)
{
    const QString key = QString::number(accountId) + u'\x1f' + number;
    if (const auto it = m_senders.constFind(key); it != m_senders.constEnd()) {
        *out = *it;
        return true;
    }
    if (!prepare())
        return false;
    m_findSender.bindValue(u":number"_s, number);
    m_findSender.bindValue(u":account"_s, accountId);
    if (!run(m_findSender, "looking up a sender number"))
        return false;
    std::optional<SenderNumber> found;
    if (m_findSender.next())
        found = SenderNumber{m_findSender.value(0).toLongLong(), m_findSender.value(1).toString(),
                             m_findSender.value(2).toBool()};
    m_findSender.finish();
    m_senders.insert(key, found);
    *out = found;
    return true;
}

qint64 ThreadWriter::findOrCreate(qint64 accountId, const QString &customerNumber,
                                  qint64 senderNumberId, const QString &providerKeyword,
                                  bool *created)
{
    if (created)
        *created = false;
    const QString key = QString::number(accountId) + u'\x1f' + customerNumber + u'\x1f' +
                        QString::number(senderNumberId) + u'\x1f' + providerKeyword;
    if (const qint64 cached = m_threads.value(key))
        return cached;
    if (!prepare())
        return 0;
    for (QSqlQuery *query : {&m_findThread, &m_insertThread}) {
        query->bindValue(u":account"_s, accountId);
        query->bindValue(u":customer"_s, customerNumber);
        query->bindValue(u":sender"_s, senderNumberId);
        query->bindValue(u":keyword"_s, providerKeyword);
    }
    if (!run(m_findThread, "looking up a thread"))
        return 0;
    QSqlQuery &source = m_findThread.next() ? m_findThread : m_insertThread;
    if (&source == &m_insertThread) {
        m_findThread.finish();
        if (!run(m_insertThread, "creating a thread") || !m_insertThread.next()) {
            if (m_error.isEmpty())
                m_error = u"creating a thread returned no id"_s;
            return 0;
        }
        if (created)
            *created = true;
    }
    const qint64 id = source.value(0).toLongLong();
    source.finish();
    m_threads.insert(key, id);
    return id;
}

bool ThreadWriter::noteMessage(qint64 threadId, qint64 messageId, qint64 createdAtMs,
                               const QString &body, bool *changed)
{
    if (!prepare())
        return false;
    m_setLatest.bindValue(u":message"_s, messageId);
    m_setLatest.bindValue(u":at"_s, createdAtMs);
    m_setLatest.bindValue(u":preview"_s, preview(body));
    m_setLatest.bindValue(u":thread"_s, threadId);
    if (!run(m_setLatest, "updating the thread's last message"))
        return false;
    *changed = m_setLatest.numRowsAffected() > 0;
    return true;
}

bool ThreadWriter::noteNewInbound(qint64 threadId, int count, bool *changed)
{
    if (!prepare())
        return false;
    m_addUnread.bindValue(u":count"_s, count);
    m_addUnread.bindValue(u":thread"_s, threadId);
    if (!run(m_addUnread, "counting an unread message"))
        return false;
    *changed = m_addUnread.numRowsAffected() > 0;
    return true;
}

bool ThreadWriter::noteNews(const QList<News> &news, QSet<qint64> *changed)
{
    if (news.isEmpty())
        return true;
    if (!prepare())
        return false;
    QJsonArray rows;
    for (const News &n : news)
        rows.append(QJsonArray{n.threadId, n.messageId, n.createdAtMs, preview(n.body), n.inbound});
    m_applyNews.bindValue(0, QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
    if (!run(m_applyNews, "updating the threads' last messages and unread counts"))
        return false;
    while (m_applyNews.next())
        changed->insert(m_applyNews.value(0).toLongLong());
    m_applyNews.finish();
    return true;
}

bool ThreadWriter::noteBodyChanged(qint64 threadId, qint64 messageId, const QString &body,
                                   bool *changed)
{
    if (!prepare())
        return false;
    m_setPreview.bindValue(u":preview"_s, preview(body));
    m_setPreview.bindValue(u":thread"_s, threadId);
    m_setPreview.bindValue(u":message"_s, messageId);
    if (!run(m_setPreview, "updating the thread preview"))
        return false;
    *changed = m_setPreview.numRowsAffected() > 0;
    return true;
}
