#include "KeywordConsentOps.h"

#include "ConsentRows.h"
#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

KeywordConsentOps::KeywordConsentOps(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool KeywordConsentOps::handles(const TeamOp &op)
{
    return (op.kind == u"consent.opt_out"_s || op.kind == u"consent.opt_in"_s) &&
           op.fields.value(u"source"_s).toString() ==
               ConsentEvent::sourceToString(ConsentEvent::Source::Keyword) &&
           !op.fields.value(u"sid"_s).toString().isEmpty();
}

std::optional<bool> KeywordConsentOps::recorded(qint64 accountId, const QString &sid)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT 1 FROM consent_events WHERE account_id = ? AND message_sid = ? "
                  u"LIMIT 1"_s);
    query.addBindValue(accountId);
    query.addBindValue(sid);
    if (!query.exec()) {
        m_error = u"cannot read the consent ledger: "_s + query.lastError().text();
        return std::nullopt;
    }
    return query.next();
}

std::optional<TeamOpApplier::Outcome> KeywordConsentOps::apply(qint64 accountId, const TeamOp &op)
{
    ConsentEvent event = TeamOp::consentEvent(op);
    if (event.contactNumber.isEmpty() || event.messageSid.isEmpty()) {
        qCWarning(lcStore) << "team keyword consent op" << op.id << "skipped: no customer or sid";
        return TeamOpApplier::Outcome::NotApplicable;
    }
    const auto seen = recorded(accountId, event.messageSid);
    if (!seen)
        return std::nullopt;
    // Here already: this desktop synced the same STOP (or an earlier op carried it).
    if (*seen)
        return TeamOpApplier::Outcome::Unchanged;
    ConsentRows rows(m_db);
    if (!rows.record(accountId, event)) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    return TeamOpApplier::Outcome::Applied;
}

std::optional<QList<ConsentEvent>> KeywordConsentOps::recordedHere(qint64 accountId, qint64 sinceMs,
                                                                   int limit)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT contact_number, sender_number, kind, detail, opt_in_copy, message_sid, "
                  u"actor, occurred_at FROM consent_events WHERE account_id = ? AND source = "
                  u"'keyword' AND message_sid <> '' AND team_op_id IS NULL AND occurred_at >= ? "
                  u"ORDER BY occurred_at, id LIMIT ?"_s);
    query.addBindValue(accountId);
    query.addBindValue(sinceMs);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_error = u"cannot read the consent ledger: "_s + query.lastError().text();
        return std::nullopt;
    }
    QList<ConsentEvent> events;
    while (query.next()) {
        ConsentEvent event;
        event.contactNumber = query.value(0).toString();
        event.senderNumber = query.value(1).toString();
        event.kind = ConsentEvent::kindFromString(query.value(2).toString())
                         .value_or(ConsentEvent::Kind::OptOut);
        event.source = ConsentEvent::Source::Keyword;
        event.detail = query.value(3).toString();
        event.optInCopy = query.value(4).toString();
        event.messageSid = query.value(5).toString();
        event.actor = query.value(6).toString();
        event.occurredAt = QDateTime::fromMSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
        events.append(event);
    }
    return events;
}
