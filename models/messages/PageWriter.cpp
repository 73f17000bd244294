#include "PageWriter.h"

#include "MessageStore.h"
#include "ThreadWriter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QVariant>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace {

const QString Columns =
    u"account_id, thread_id, direction, from_number, to_number, body, status, provider_sid, "
    u"client_ref, segments, error_code, error_message, price, price_unit, created_at, sent_at, "
    u"updated_at"_s;

constexpr int ColumnCount = 17;

// Positional: bindRecord() binds them in this order (named bindValue cost ~2 s per 1M rows).
const QString Values = u"?, ?, ?, coalesce(?, ''), ?, coalesce(?, ''), ?, ?, ?, ?, ?, "
                       u"coalesce(?, ''), ?, coalesce(?, ''), ?, ?, ?"_s;

// Provider fields only: thread, author, campaign, variant and client_ref are ours.
const QString OnConflict =
    u" ON CONFLICT (provider_sid) DO UPDATE SET body = excluded.body, status = excluded.status, "
    u"segments = excluded.segments, error_code = excluded.error_code, "
    u"error_message = excluded.error_message, price = excluded.price, "
    u"price_unit = excluded.price_unit, sent_at = excluded.sent_at, "
    u"updated_at = excluded.updated_at "
    u"WHERE body IS NOT excluded.body OR status IS NOT excluded.status "
    u"OR segments IS NOT excluded.segments OR error_code IS NOT excluded.error_code "
    u"OR error_message IS NOT excluded.error_message OR price IS NOT excluded.price "
    u"OR price_unit IS NOT excluded.price_unit OR sent_at IS NOT excluded.sent_at "
    u"OR updated_at IS NOT excluded.updated_at"_s;

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

void appendString(QString *out, const QString &text)
{
    out->append(u'"');
    const auto plain = [](QChar c) { return c.unicode() >= 0x20 && c != u'"' && c != u'\\'; };
    if (std::all_of(text.cbegin(), text.cend(), plain)) {
        out->append(text);
    } else {
        for (const QChar c : text) {
            if (plain(c)) {
                out->append(c);
            } else if (c == u'"' || c == u'\\') {
                out->append(u'\\');
                out->append(c);
            } else {
                out->append(u"\\u%1"_s.arg(c.unicode(), 4, 16, QLatin1Char('0')));
            }
        }
    }
    out->append(u'"');
}

} // namespace

PageWriter::PageWriter(QSqlDatabase db, ThreadWriter *threads)
    : m_db(db)
    , m_threads(threads)
    , m_insertPage(db)
    , m_adoptLocal(db)
    , m_findBySid(db)
    , m_upsert(db)
    , m_fileLater(db)
{}

bool PageWriter::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool PageWriter::prepare()
{
    if (m_prepared)
        return true;
    const auto prep = [this](QSqlQuery &query, const QString &sql) {
        return query.prepare(sql) ||
               fail(u"cannot prepare message statement: %1"_s.arg(query.lastError().text()));
    };
    // The page's new messages travel as one JSON array of arrays (one bound value instead of
    // 17 per message: the per-value QVariant binding was most of the Qt time per page), in
    // Columns order. json_each yields them in array order, so ids follow the page. "WHERE
    // true" keeps ON CONFLICT from being read as part of the SELECT.
    QString fromJson;
    for (int i = 0; i < ColumnCount; ++i)
        fromJson += (i ? u", value ->> "_s : u"value ->> "_s) + QString::number(i);
    m_prepared =
        prep(m_insertPage, u"INSERT INTO messages ("_s + Columns + u") SELECT "_s + fromJson +
                               u" FROM json_each(?) WHERE true"_s + OnConflict +
                               u" RETURNING provider_sid, id"_s) &&
        prep(m_adoptLocal, u"UPDATE messages SET provider_sid = :sid "
                           u"WHERE client_ref = :ref AND provider_sid IS NULL"_s) &&
        prep(m_findBySid, u"SELECT provider_sid, id, thread_id, body, from_number FROM messages "
                          u"WHERE provider_sid IN (SELECT value FROM json_each(?))"_s) &&
        prep(m_fileLater, u"UPDATE messages SET from_number = :from, thread_id = :thread "
                          u"WHERE id = :id"_s) &&
        prep(m_upsert, u"INSERT INTO messages ("_s + Columns + u") VALUES ("_s + Values + u")"_s +
                           OnConflict + u" RETURNING id"_s);
    return m_prepared;
}

void PageWriter::abandon()
{
    for (QSqlQuery *query : {&m_insertPage, &m_adoptLocal, &m_findBySid, &m_upsert, &m_fileLater})
        query->finish();
}

QString PageWriter::validate(const MessageRecord &record)
{
    if (record.sid.isEmpty())
        return u"a message in the page has no sid"_s;
    // An outbound message of a Messaging Service has no sender until the service picks one
    // (accepted, scheduled, canceled before sending): stored without a thread until then.
    if (record.to.isEmpty())
        return u"message %1 has no to address"_s.arg(record.sid);
    if (record.from.isEmpty() && record.direction == MessageRecord::Direction::Inbound)
        return u"inbound message %1 has no from address"_s.arg(record.sid);
    if (record.numSegments < 0)
        return u"message %1 has a negative segment count"_s.arg(record.sid);
    if (!MessageStore::isKnownStatus(record.status))
        return u"message %1 has an unknown status \"%2\""_s.arg(record.sid, record.status);
    if (!record.dateCreated.isValid())
        return u"message %1 has no creation date"_s.arg(record.sid);
    return {};
}

void PageWriter::bindRecord(QSqlQuery &query, int first, qint64 accountId, qint64 threadId,
                            const MessageRecord &record)
{
    const bool inbound = record.direction == MessageRecord::Direction::Inbound;
    const qint64 created = record.dateCreated.toMSecsSinceEpoch();
    int at = first;
    const auto bind = [&](const QVariant &value) { query.bindValue(at++, value); };
    bind(accountId);
    bind(threadId > 0 ? QVariant(threadId) : QVariant());
    bind(inbound ? u"in"_s : u"out"_s);
    bind(record.from);
    bind(record.to);
    bind(record.body);
    bind(record.status);
    bind(record.sid);
    bind(textOrNull(record.clientRef));
    bind(record.numSegments);
    bind(record.errorCode ? QVariant(record.errorCode) : QVariant());
    bind(record.errorMessage);
    bind(textOrNull(record.price));
    bind(record.priceUnit);
    bind(created);
    bind(record.dateSent.isValid() ? QVariant(record.dateSent.toMSecsSinceEpoch()) : QVariant());
    bind(record.dateUpdated.isValid() ? record.dateUpdated.toMSecsSinceEpoch() : created);
}

void PageWriter::appendJson(QString *out, qint64 accountId, qint64 threadId,
                            const MessageRecord &record)
{
    // The values bindRecord() binds, in its order, as one JSON array (NULL as null).
    const bool inbound = record.direction == MessageRecord::Direction::Inbound;
    const qint64 created = record.dateCreated.toMSecsSinceEpoch();
    bool first = true;
    const auto separate = [&] {
        if (!first)
            out->append(u',');
        first = false;
    };
    const auto number = [&](std::optional<qint64> value) {
        separate();
        if (value)
            out->append(QString::number(*value));
        else
            out->append(u"null"_s);
    };
    const auto text = [&](const QString &value, bool emptyIsNull = false) {
        separate();
        if (emptyIsNull && value.isEmpty())
            out->append(u"null"_s);
        else
            appendString(out, value);
    };
    if (out->size() > 1)
        out->append(u',');
    out->append(u'[');
    number(accountId);
    number(threadId > 0 ? std::optional(threadId) : std::nullopt);
    text(inbound ? u"in"_s : u"out"_s);
    text(record.from);
    text(record.to);
    text(record.body);
    text(record.status);
    text(record.sid);
    text(record.clientRef, true);
    number(record.numSegments);
    number(record.errorCode ? std::optional<qint64>(record.errorCode) : std::nullopt);
    text(record.errorMessage);
    text(record.price, true);
    text(record.priceUnit);
    number(created);
    number(record.dateSent.isValid() ? std::optional(record.dateSent.toMSecsSinceEpoch())
                                     : std::nullopt);
    number(record.dateUpdated.isValid() ? record.dateUpdated.toMSecsSinceEpoch() : created);
    out->append(u']');
}

bool PageWriter::findStored(const QList<MessageRecord> &page, const QList<qsizetype> &candidates,
                            QHash<QString, Stored> *stored)
{
    QJsonArray sids;
    for (const qsizetype i : candidates)
        sids.append(page.at(i).sid);
    m_findBySid.bindValue(0, QString::fromUtf8(QJsonDocument(sids).toJson(QJsonDocument::Compact)));
    if (!m_findBySid.exec())
        return fail(
            u"cannot look up the page's messages: %1"_s.arg(m_findBySid.lastError().text()));
    stored->reserve(candidates.size());
    while (m_findBySid.next())
        stored->insert(m_findBySid.value(0).toString(),
                       {m_findBySid.value(1).toLongLong(),
                        m_findBySid.value(2).toLongLong(), // NULL reads as 0
                        m_findBySid.value(3).toString(), m_findBySid.value(4).toString()});
    m_findBySid.finish();
    return true;
}

bool PageWriter::write(qint64 accountId, const QList<MessageRecord> &page, UpsertStats *stats,
                       QList<qint64> *added, QList<qint64> *updated)
{
    m_changed.clear();
    m_fileLater.finish();
    QList<qsizetype> candidates;
    candidates.reserve(page.size());
    QSet<QString> seen; // a sid repeated within the page is the same message
    seen.reserve(page.size());
    for (qsizetype i = 0; i < page.size(); ++i) {
        const MessageRecord &record = page.at(i);
        if (const QString problem = validate(record); !problem.isEmpty()) {
            const bool inbound = record.direction == MessageRecord::Direction::Inbound;
            stats->skipped.append(
                {record.sid, problem,
                 u"%1, %2, %3 → %4"_s.arg(inbound ? u"inbound"_s : u"outbound"_s, record.status,
                                          record.from, record.to)});
            continue;
        }
        if (seen.contains(record.sid)) {
            ++stats->unchanged;
            continue;
        }
        seen.insert(record.sid);
        candidates.append(i);
        // Before the look-up, so that the local message is found under its sid.
        if (!record.clientRef.isEmpty()) {
            m_adoptLocal.bindValue(u":sid"_s, record.sid);
            m_adoptLocal.bindValue(u":ref"_s, record.clientRef);
            if (!m_adoptLocal.exec())
                return fail(u"message %1: %2"_s.arg(record.sid, m_adoptLocal.lastError().text()));
        }
    }
    // One look-up for the page rather than one per message (sids are distinct by now).
    QHash<QString, Stored> stored;
    if (!candidates.isEmpty() && !findStored(page, candidates, &stored))
        return false;

    QList<Staged> staged;
    QString json(u'[');
    json.reserve(page.size() * 320);
    for (const qsizetype i : std::as_const(candidates)) {
        const MessageRecord &record = page.at(i);
        if (const auto it = stored.constFind(record.sid); it != stored.constEnd()) {
            qint64 threadId = it->threadId;
            const bool bodyChanged = it->body != record.body;
            const bool senderArrived = it->from.isEmpty() && !record.from.isEmpty();
            if (senderArrived && !fileLater(accountId, record, it->id, &threadId, stats))
                return false;
            if (!writeExisting(accountId, record, it->id, threadId, bodyChanged, stats, updated))
                return false;
            continue;
        }

        const bool inbound = record.direction == MessageRecord::Direction::Inbound;
        std::optional<ThreadWriter::SenderNumber> sender;
        if (!m_threads->senderNumber(accountId, inbound ? record.to : record.from, &sender))
            return fail(m_threads->errorString());
        qint64 threadId = 0;
        if (sender && !sender->sendOnly) {
            threadId = m_threads->findOrCreate(accountId, inbound ? record.from : record.to,
                                               sender->id, sender->providerKeyword);
            if (threadId == 0)
                return fail(m_threads->errorString());
        }
        appendJson(&json, accountId, threadId, record);
        staged.append({i, threadId});
    }
    if (staged.isEmpty())
        return true;
    json.append(u']');
    return insertStaged(page, staged, json, stats, added);
}

bool PageWriter::fileLater(qint64 accountId, const MessageRecord &record, qint64 id,
                           qint64 *threadId, UpsertStats *stats)
{
    std::optional<ThreadWriter::SenderNumber> sender;
    if (!m_threads->senderNumber(accountId, record.from, &sender))
        return fail(m_threads->errorString());
    if (sender && !sender->sendOnly && *threadId == 0) {
        *threadId =
            m_threads->findOrCreate(accountId, record.to, sender->id, sender->providerKeyword);
        if (*threadId == 0)
            return fail(m_threads->errorString());
    }
    m_fileLater.bindValue(u":from"_s, record.from);
    m_fileLater.bindValue(u":thread"_s, *threadId > 0 ? QVariant(*threadId) : QVariant());
    m_fileLater.bindValue(u":id"_s, id);
    if (!m_fileLater.exec())
        return fail(u"message %1: %2"_s.arg(record.sid, m_fileLater.lastError().text()));
    bool latest = false;
    if (*threadId > 0 &&
        !m_threads->noteMessage(*threadId, id, record.dateCreated.toMSecsSinceEpoch(), record.body,
                                &latest))
        return fail(m_threads->errorString());
    if (latest && !m_changed.contains(*threadId)) {
        m_changed.insert(*threadId);
        stats->changedThreads.append(*threadId);
    }
    return true;
}

bool PageWriter::writeExisting(qint64 accountId, const MessageRecord &record, qint64 id,
                               qint64 threadId, bool bodyChanged, UpsertStats *stats,
                               QList<qint64> *updated)
{
    bindRecord(m_upsert, 0, accountId, threadId, record);
    if (!m_upsert.exec())
        return fail(u"message %1: %2"_s.arg(record.sid, m_upsert.lastError().text()));
    const bool written = m_upsert.next();
    m_upsert.finish();
    if (threadId == 0)
        ++stats->unrouted;
    if (!written) {
        ++stats->unchanged;
        return true;
    }
    ++stats->updated;
    updated->append(id);
    bool changed = false;
    if (threadId != 0 && bodyChanged &&
        !m_threads->noteBodyChanged(threadId, id, record.body, &changed))
        return fail(m_threads->errorString());
    if (changed && !m_changed.contains(threadId)) {
        m_changed.insert(threadId);
        stats->changedThreads.append(threadId);
    }
    return true;
}

bool PageWriter::insertStaged(const QList<MessageRecord> &page, const QList<Staged> &staged,
                              const QString &json, UpsertStats *stats, QList<qint64> *added)
{
    m_insertPage.bindValue(0, json);
    if (!m_insertPage.exec())
        return fail(u"cannot insert the page: %1"_s.arg(m_insertPage.lastError().text()));
    // The ids come back with the insert (no second look-up of the page's sids).
    QHash<QString, qint64> ids;
    ids.reserve(staged.size());
    while (m_insertPage.next())
        ids.insert(m_insertPage.value(0).toString(), m_insertPage.value(1).toLongLong());
    m_insertPage.finish();

    // One aggregate update per thread: its newest new message and its count of new inbound.
    struct ThreadNews
    {
        qint64 lastId = 0;
        qint64 lastAt = 0;
        qsizetype lastIndex = 0;
        int inbound = 0;
    };
    QHash<qint64, ThreadNews> news;
    QList<qint64> threadOrder;
    for (const Staged &s : staged) {
        const MessageRecord &record = page.at(s.index);
        const qint64 id = ids.value(record.sid);
        if (id == 0)
            return fail(u"message %1 was not stored"_s.arg(record.sid));
        const bool inbound = record.direction == MessageRecord::Direction::Inbound;
        ++stats->inserted;
        added->append(id);
        if (inbound)
            stats->newInbound.append(id);
        if (s.threadId == 0) {
            ++stats->unrouted;
            continue;
        }
        if (!news.contains(s.threadId))
            threadOrder.append(s.threadId);
        ThreadNews &n = news[s.threadId];
        const qint64 at = record.dateCreated.toMSecsSinceEpoch();
        if (n.lastId == 0 || at > n.lastAt || (at == n.lastAt && id > n.lastId))
            n = {id, at, s.index, n.inbound};
        n.inbound += inbound ? 1 : 0;
    }
    QList<ThreadWriter::News> changes;
    changes.reserve(threadOrder.size());
    for (const qint64 threadId : std::as_const(threadOrder)) {
        const ThreadNews &n = news.value(threadId);
        changes.append({threadId, n.lastId, n.lastAt, page.at(n.lastIndex).body, n.inbound});
    }
    QSet<qint64> changed;
    if (!m_threads->noteNews(changes, &changed))
        return fail(m_threads->errorString());
    for (const qint64 threadId : std::as_const(threadOrder)) {
        if (changed.contains(threadId) && !m_changed.contains(threadId)) {
            m_changed.insert(threadId);
            stats->changedThreads.append(threadId);
        }
    }
    return true;
}
