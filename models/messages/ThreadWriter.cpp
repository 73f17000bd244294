#include "ThreadWriter.h"

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
{}

void ThreadWriter::clearCache()
{
    m_senders.clear();
    m_threads.clear();
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
            u"AND last_message_id = :message AND last_message_preview <> coalesce(:preview, '')"_s);
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
