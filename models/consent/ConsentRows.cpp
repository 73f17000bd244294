#include "ConsentRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

ConsentRows::ConsentRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool ConsentRows::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool ConsentRows::record(qint64 accountId, const ConsentEvent &event)
{
    m_error.clear();
    if (event.contactNumber.isEmpty())
        return fail(u"a consent event needs the customer's number"_s);
    if (event.actor.trimmed().isEmpty())
        return fail(u"a consent event needs who recorded it"_s);
    if (!event.occurredAt.isValid())
        return fail(u"a consent event needs the time it happened"_s);
    if (!m_insert) {
        auto insert = std::make_shared<QSqlQuery>(m_db);
        if (!insert->prepare(u"INSERT INTO consent_events (account_id, contact_number, "
                             u"sender_number, kind, source, detail, opt_in_copy, message_sid, "
                             u"actor, occurred_at, team_op_id) "
                             u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
            return fail(u"cannot record the consent event: "_s + insert->lastError().text());
        m_insert = std::move(insert);
    }
    QSqlQuery &query = *m_insert;
    query.bindValue(0, accountId);
    query.bindValue(1, event.contactNumber);
    // A null QString binds as SQL NULL; these columns hold '' for "none".
    query.bindValue(2, event.senderNumber.isNull() ? u""_s : event.senderNumber);
    query.bindValue(3, ConsentEvent::kindToString(event.kind));
    query.bindValue(4, ConsentEvent::sourceToString(event.source));
    query.bindValue(5, event.detail.isNull() ? u""_s : event.detail);
    query.bindValue(6, event.optInCopy.isNull() ? u""_s : event.optInCopy);
    query.bindValue(7, event.messageSid.isNull() ? u""_s : event.messageSid);
    query.bindValue(8, event.actor);
    query.bindValue(9, event.occurredAt.toMSecsSinceEpoch());
    // NULL, not '': the unique index lets many events carry no op.
    query.bindValue(10, event.teamOpId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                 : QVariant(event.teamOpId));
    if (!query.exec())
        return fail(u"cannot record the consent event: "_s + query.lastError().text());
    return true;
}

std::optional<QList<ConsentEvent>> ConsentRows::eventsFor(qint64 accountId,
                                                          const QString &contactNumber)
{
    return select(accountId, &contactNumber);
}

std::optional<QList<ConsentEvent>> ConsentRows::eventsOf(qint64 accountId)
{
    return select(accountId, nullptr);
}

std::optional<QList<ConsentEvent>> ConsentRows::select(qint64 accountId,
                                                       const QString *contactNumber)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT contact_number, sender_number, kind, source, detail, opt_in_copy, "
                  u"message_sid, actor, occurred_at FROM consent_events WHERE account_id = ? "_s +
                  (contactNumber ? u"AND contact_number = ? "_s : QString()) +
                  u"ORDER BY occurred_at, id"_s);
    query.addBindValue(accountId);
    if (contactNumber)
        query.addBindValue(*contactNumber);
    if (!query.exec()) {
        fail(u"cannot read consent events: "_s + query.lastError().text());
        return std::nullopt;
    }
    QList<ConsentEvent> events;
    while (query.next()) {
        const auto kind = ConsentEvent::kindFromString(query.value(2).toString());
        const auto source = ConsentEvent::sourceFromString(query.value(3).toString());
        if (!kind || !source) {
            // The table's CHECKs make this a corrupt profile, not something to skip quietly.
            fail(u"consent event with unknown kind or source: "_s + query.value(2).toString() +
                 u" / "_s + query.value(3).toString());
            return std::nullopt;
        }
        ConsentEvent event;
        event.contactNumber = query.value(0).toString();
        event.senderNumber = query.value(1).toString();
        event.kind = *kind;
        event.source = *source;
        event.detail = query.value(4).toString();
        event.optInCopy = query.value(5).toString();
        event.messageSid = query.value(6).toString();
        event.actor = query.value(7).toString();
        event.occurredAt = QDateTime::fromMSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        events.append(event);
    }
    return events;
}

std::optional<ConsentLedger> ConsentRows::ledgerFor(qint64 accountId, const QString &contactNumber)
{
    const auto accountScope = scope(accountId);
    if (!accountScope)
        return std::nullopt;
    auto events = eventsFor(accountId, contactNumber);
    if (!events)
        return std::nullopt;
    return ConsentLedger(std::move(*events), *accountScope);
}

std::optional<ConsentLedger::Scope> ConsentRows::scope(qint64 accountId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT opt_out_scope FROM accounts WHERE id = ?"_s);
    query.addBindValue(accountId);
    if (!query.exec()) {
        fail(u"cannot read the account's opt-out scope: "_s + query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        fail(u"no account with id "_s + QString::number(accountId));
        return std::nullopt;
    }
    const auto scope = ConsentLedger::scopeFromString(query.value(0).toString());
    if (!scope)
        fail(u"unknown opt-out scope "_s + query.value(0).toString());
    return scope;
}

bool ConsentRows::setScope(qint64 accountId, ConsentLedger::Scope scope)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"UPDATE accounts SET opt_out_scope = ? WHERE id = ?"_s);
    query.addBindValue(ConsentLedger::scopeToString(scope));
    query.addBindValue(accountId);
    if (!query.exec())
        return fail(u"cannot change the opt-out scope: "_s + query.lastError().text());
    if (query.numRowsAffected() != 1)
        return fail(u"no account with id "_s + QString::number(accountId));
    return true;
}
