#include "MessageStore.h"

#include "SkippedMessageRows.h"
#include "StoreLogging.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

} // namespace

MessageStore::MessageStore(QSqlDatabase db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_threads(db)
    , m_pages(db, &m_threads)
    , m_anyAside(db)
{}

QStringList MessageStore::knownStatuses()
{
    // Keep in step with the CHECK on messages.status (resources/migrations/0001_core.sql).
    return {u"queued"_s,      u"sending"_s,   u"sent"_s,      u"delivered"_s,
            u"undelivered"_s, u"failed"_s,    u"receiving"_s, u"received"_s,
            u"accepted"_s,    u"scheduled"_s, u"read"_s,      u"partially_delivered"_s,
            u"canceled"_s,    u"blocked"_s};
}

bool MessageStore::isKnownStatus(const QString &status)
{
    static const QStringList statuses = knownStatuses();
    return statuses.contains(status);
}

bool MessageStore::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

bool MessageStore::upsertPage(qint64 accountId, const QList<MessageRecord> &page,
                              UpsertStats *stats, const QList<SkippedMessage> &keptAside)
{
    m_error.clear();
    if (!m_pages.prepare())
        return fail(m_pages.errorString());
    if (!m_db.transaction())
        return fail(u"cannot begin a transaction: %1"_s.arg(m_db.lastError().text()));
    const auto rollback = [this] {
        m_db.rollback();
        m_threads.clearCache(); // it may hold threads the rollback removed
    };
    if (!m_threads.checkCache()) {
        rollback();
        return fail(m_threads.errorString());
    }

    UpsertStats result;
    QList<qint64> added;
    QList<qint64> updated;
    if (!m_pages.write(accountId, page, &result, &added, &updated)) {
        m_pages.abandon();
        rollback();
        return fail(m_pages.errorString());
    }
    result.skipped = keptAside + result.skipped;
    SkippedMessageRows aside(m_db);
    if (!aside.keepAside(accountId, result.skipped, QDateTime::currentMSecsSinceEpoch())) {
        rollback();
        return fail(aside.errorString());
    }
    // Almost every page has nothing kept aside to forget: one indexed probe instead of a
    // DELETE over the page's sids (prepared again and sent as JSON every page).
    if (!m_anyAsidePrepared)
        m_anyAsidePrepared =
            m_anyAside.prepare(u"SELECT EXISTS (SELECT 1 FROM "
                               u"skipped_provider_messages WHERE account_id = ?)"_s);
    m_anyAside.bindValue(0, accountId);
    if (!m_anyAsidePrepared || !m_anyAside.exec()) {
        const QString why = m_anyAside.lastError().text();
        rollback();
        return fail(u"cannot read the kept-aside messages: %1"_s.arg(why));
    }
    const bool anyAside = m_anyAside.next() && m_anyAside.value(0).toBool();
    m_anyAside.finish();
    if (anyAside) {
        QStringList stored;
        stored.reserve(page.size());
        for (const MessageRecord &record : page)
            stored.append(record.sid);
        for (const SkippedMessage &skipped : std::as_const(result.skipped))
            stored.removeAll(skipped.sid);
        if (!aside.forget(accountId, stored)) {
            rollback();
            return fail(aside.errorString());
        }
    }
    if (!commit()) {
        m_threads.clearCache();
        return false;
    }
    if (!m_threads.cacheIsCurrent())
        m_threads.clearCache(); // stored anyway; the next page re-reads its threads

    if (stats)
        *stats = result;
    return true;
}

bool MessageStore::commit()
{
    if (m_db.commit())
        return true;
    const QString reason = m_db.lastError().text();
    m_db.rollback();
    return fail(u"cannot commit: %1"_s.arg(reason));
}

qint64 MessageStore::findOrCreateThread(qint64 accountId, const QString &customerNumber,
                                        qint64 senderNumberId, const QString &providerKeyword,
                                        bool *created)
{
    m_error.clear();
    m_threads.clearCache();
    const qint64 id =
        m_threads.findOrCreate(accountId, customerNumber, senderNumberId, providerKeyword, created);
    if (id == 0)
        fail(m_threads.errorString());
    return id;
}

bool MessageStore::insertOutgoing(const OutgoingMessage &message, qint64 *messageId)
{
    m_error.clear();
    if (message.clientRef.isEmpty())
        return fail(u"an outgoing message needs a client reference"_s);
    if (message.body.isEmpty())
        return fail(u"an outgoing message needs a body"_s);
    if (message.body.size() > OutgoingMessage::MaxBodyChars)
        return fail(u"the message is %1 characters long; the provider sends at most %2 "
                    u"(split it or shorten it)"_s.arg(message.body.size())
                        .arg(OutgoingMessage::MaxBodyChars));
    if (!m_db.transaction())
        return fail(u"cannot begin a transaction: %1"_s.arg(m_db.lastError().text()));
    m_threads.clearCache();
    QSqlQuery query(m_db);
    const auto abort = [&](const QString &why) {
        query.finish();
        m_db.rollback();
        return fail(why);
    };
    query.prepare(u"SELECT t.account_id, t.customer_number, s.number FROM threads t "
                  u"JOIN sender_numbers s ON s.id = t.sender_number_id WHERE t.id = :thread"_s);
    query.bindValue(u":thread"_s, message.threadId);
    if (!query.exec() || !query.next())
        return abort(u"no thread %1 to send in"_s.arg(message.threadId));
    const qint64 accountId = query.value(0).toLongLong();
    const QString customer = query.value(1).toString();
    const QString ours = query.value(2).toString();
    query.finish();

    // A caller that derives the reference from what it answers (an inbound keyword, a
    // campaign recipient) may ask twice after a crash: the second ask finds the first.
    query.prepare(u"SELECT id, thread_id FROM messages WHERE client_ref = :ref"_s);
    query.bindValue(u":ref"_s, message.clientRef);
    if (!query.exec())
        return abort(
            u"cannot look up message %1: %2"_s.arg(message.clientRef, query.lastError().text()));
    if (query.next()) {
        const qint64 existing = query.value(0).toLongLong();
        if (query.value(1).toLongLong() != message.threadId)
            return abort(
                u"client reference %1 is already used in another thread"_s.arg(message.clientRef));
        query.finish();
        m_db.rollback();
        if (messageId)
            *messageId = existing;
        return true;
    }

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    query.prepare(
        u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, "
        u"body, status, client_ref, segments, encoding, created_at, updated_at, author, "
        u"campaign_id, variant, purpose) VALUES (:account, :thread, 'out', :from, :to, :body, "
        u"'queued', :ref, :segments, coalesce(:encoding, ''), :now, :now, "
        u"coalesce(:author, ''), :campaign, coalesce(:variant, ''), :purpose) RETURNING id"_s);
    query.bindValue(u":account"_s, accountId);
    query.bindValue(u":thread"_s, message.threadId);
    query.bindValue(u":from"_s, ours);
    query.bindValue(u":to"_s, customer);
    query.bindValue(u":body"_s, message.body);
    query.bindValue(u":ref"_s, message.clientRef);
    query.bindValue(u":segments"_s, message.segments);
    query.bindValue(u":encoding"_s, message.encoding);
    query.bindValue(u":now"_s, now);
    query.bindValue(u":author"_s, message.author);
    query.bindValue(u":campaign"_s, idOrNull(message.campaignId));
    query.bindValue(u":variant"_s, message.variant);
    query.bindValue(u":purpose"_s, OutgoingMessage::purposeToString(message.purpose));
    if (!query.exec() || !query.next())
        return abort(
            u"cannot queue message %1: %2"_s.arg(message.clientRef, query.lastError().text()));
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    bool threadChanged = false;
    if (!m_threads.noteMessage(message.threadId, id, now, message.body, &threadChanged))
        return abort(m_threads.errorString());
    if (!commit())
        return false;
    if (messageId)
        *messageId = id;
    return true;
}

bool MessageStore::attachSid(const QString &clientRef, const QString &sid, const QString &status)
{
    m_error.clear();
    if (sid.isEmpty())
        return fail(u"no sid to attach to message %1"_s.arg(clientRef));
    if (!isKnownStatus(status))
        return fail(u"message %1: unknown status \"%2\""_s.arg(sid, status));
    if (!m_db.transaction())
        return fail(u"cannot begin a transaction: %1"_s.arg(m_db.lastError().text()));
    QSqlQuery query(m_db);
    const auto abort = [&](const QString &why) {
        query.finish();
        m_db.rollback();
        return fail(why);
    };
    query.prepare(u"SELECT id, thread_id, provider_sid FROM messages WHERE client_ref = :ref"_s);
    query.bindValue(u":ref"_s, clientRef);
    if (!query.exec() || !query.next())
        return abort(u"no message with client reference %1"_s.arg(clientRef));
    const qint64 id = query.value(0).toLongLong();
    const qint64 threadId = query.value(1).toLongLong();
    const QString knownSid = query.value(2).toString();
    query.finish();
    if (!knownSid.isEmpty() && knownSid != sid)
        return abort(u"message %1 already has sid %2, not %3"_s.arg(clientRef, knownSid, sid));

    // A sync page may have stored the provider's copy before the send call returned.
    query.prepare(u"SELECT id, client_ref FROM messages WHERE provider_sid = :sid AND id <> :id"_s);
    query.bindValue(u":sid"_s, sid);
    query.bindValue(u":id"_s, id);
    if (!query.exec())
        return abort(query.lastError().text());
    const bool hasCopy = query.next();
    const qint64 copyId = hasCopy ? query.value(0).toLongLong() : 0;
    if (hasCopy && !query.value(1).isNull())
        return abort(u"sid %1 already belongs to message %2"_s.arg(sid, query.value(1).toString()));
    query.finish();

    if (hasCopy) {
        // The copy's provider fields are at least as recent as the send call's answer.
        const QStringList steps = {
            u"UPDATE messages SET (status, segments, error_code, error_message, price, price_unit, "
            u"sent_at, updated_at) = (SELECT status, segments, error_code, error_message, price, "
            u"price_unit, sent_at, updated_at FROM messages WHERE id = :copy) WHERE id = :id"_s,
            u"DELETE FROM messages WHERE id = :copy"_s,
            u"UPDATE messages SET provider_sid = :sid WHERE id = :id"_s,
            // The deleted copy may have been the thread's last message (now NULL).
            u"UPDATE threads SET last_message_id = :id WHERE id = :thread AND last_message_id IS NULL"_s,
        };
        for (const QString &step : steps) {
            query.prepare(step);
            for (const auto &[name, value] :
                 {std::pair{u":copy"_s, QVariant(copyId)}, std::pair{u":sid"_s, QVariant(sid)},
                  std::pair{u":id"_s, QVariant(id)}, std::pair{u":thread"_s, QVariant(threadId)}}) {
                if (step.contains(name))
                    query.bindValue(name, value);
            }
            if (!query.exec())
                return abort(u"merging message %1 into %2: %3"_s.arg(sid, clientRef,
                                                                     query.lastError().text()));
        }
    } else {
        query.prepare(u"UPDATE messages SET provider_sid = :sid, status = :status, "
                      u"updated_at = :now WHERE id = :id"_s);
        query.bindValue(u":sid"_s, sid);
        query.bindValue(u":status"_s, status);
        query.bindValue(u":now"_s, QDateTime::currentMSecsSinceEpoch());
        query.bindValue(u":id"_s, id);
        if (!query.exec())
            return abort(
                u"cannot attach sid %1 to %2: %3"_s.arg(sid, clientRef, query.lastError().text()));
    }
    query.finish();
    if (!commit())
        return false;
    return true;
}
