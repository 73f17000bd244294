#include "ConsentImportOpApplier.h"

#include "ConsentRows.h"
#include "StoreLogging.h"
#include "TeamOpPacker.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

const QString &ConsentImportOpApplier::kind()
{
    static const QString import = u"consent.import"_s;
    return import;
}

bool ConsentImportOpApplier::handles(const QString &kind)
{
    return kind == ConsentImportOpApplier::kind();
}

ConsentImportOpApplier::ConsentImportOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> ConsentImportOpApplier::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

QList<TeamOp> ConsentImportOpApplier::ops(const QList<ConsentEvent> &optIns)
{
    QJsonArray events;
    for (const ConsentEvent &e : optIns) {
        QJsonObject event{{u"n"_s, e.contactNumber},
                          {u"at"_s, double(e.occurredAt.toMSecsSinceEpoch())}};
        if (!e.senderNumber.isEmpty())
            event.insert(u"s"_s, e.senderNumber);
        if (e.source != ConsentEvent::Source::Import)
            event.insert(u"src"_s, ConsentEvent::sourceToString(e.source));
        if (!e.detail.isEmpty())
            event.insert(u"d"_s, e.detail);
        if (!e.optInCopy.isEmpty())
            event.insert(u"c"_s, e.optInCopy);
        events.append(event);
    }
    return TeamOpPacker::packArray(kind(), QString(), u"events"_s, events);
}

std::optional<Outcome> ConsentImportOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                     TeamOpApplier::Origin origin)
{
    Q_UNUSED(origin); // the ledger appends: there is no older value to keep
    m_error.clear();
    const QJsonArray events = op.fields.value(u"events"_s).toArray();
    const QString actor = op.fields.value(u"by"_s).toString().trimmed();
    if (events.isEmpty() || actor.isEmpty())
        return Outcome::NotApplicable;
    // Checked whole first: an op with an event this version cannot read is skipped whole.
    QList<ConsentEvent> parsed;
    parsed.reserve(events.size());
    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        const auto source = ConsentEvent::sourceFromString(e.value(u"src"_s).toString(u"import"_s));
        if (!e.value(u"n"_s).isString() || e.value(u"n"_s).toString().isEmpty() ||
            !e.value(u"at"_s).isDouble() || !source ||
            *source == ConsentEvent::Source::ProviderError)
            return Outcome::NotApplicable;
        ConsentEvent event;
        event.kind = ConsentEvent::Kind::OptIn;
        event.contactNumber = e.value(u"n"_s).toString();
        event.senderNumber = e.value(u"s"_s).toString(u""_s);
        event.source = *source;
        event.detail = e.value(u"d"_s).toString(u""_s);
        event.optInCopy = e.value(u"c"_s).toString(u""_s);
        event.actor = actor;
        event.occurredAt =
            QDateTime::fromMSecsSinceEpoch(qint64(e.value(u"at"_s).toDouble()), Qt::UTC);
        parsed.append(event);
    }
    QSqlQuery seen(m_db);
    seen.prepare(u"SELECT 1 FROM consent_events WHERE account_id = ? AND contact_number = ? "
                 u"AND occurred_at = ? AND sender_number = ? AND kind = 'opt_in' "
                 u"AND source = ? LIMIT 1"_s);
    ConsentRows rows(m_db);
    int recorded = 0;
    for (const ConsentEvent &event : std::as_const(parsed)) {
        seen.bindValue(0, accountId);
        seen.bindValue(1, event.contactNumber);
        seen.bindValue(2, event.occurredAt.toMSecsSinceEpoch());
        seen.bindValue(3, event.senderNumber);
        seen.bindValue(4, ConsentEvent::sourceToString(event.source));
        if (!seen.exec())
            return fail(u"cannot read the consent ledger: "_s + seen.lastError().text());
        const bool known = seen.next();
        seen.finish();
        if (known)
            continue;
        if (!rows.record(accountId, event))
            return fail(rows.errorString());
        ++recorded;
    }
    return recorded > 0 ? Outcome::Applied : Outcome::Unchanged;
}
