#include "ManualConsent.h"

#include "ConsentRows.h"
#include "StoreLogging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ManualConsent", text);
}

} // namespace

ManualConsent::ManualConsent(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<qint64>> ManualConsent::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

QString ManualConsent::problem(const ConsentEvent &event)
{
    if (event.contactNumber.isEmpty())
        return tr("No customer number is given.");
    if (event.actor.trimmed().isEmpty())
        return tr("The agent who makes the change is not known.");
    if (!event.occurredAt.isValid())
        return tr("The change has no time.");
    if (event.kind == ConsentEvent::Kind::OptOut) {
        if (event.source != ConsentEvent::Source::Agent)
            return tr("An unsubscribe made here is the agent's own: its source must be agent.");
        if (event.detail.trimmed().isEmpty())
            return tr("Say why the customer is unsubscribed: a reason is required.");
        return {};
    }
    using S = ConsentEvent::Source;
    if (event.source != S::Form && event.source != S::Import && event.source != S::Agent)
        return tr("A re-subscription needs its source: a form, an import or the customer's "
                  "request to an agent.");
    if (event.detail.trimmed().isEmpty())
        return tr("Record the evidence of the customer's consent (what they filled in, said or "
                  "where the import came from).");
    return {};
}

std::optional<QList<qint64>> ManualConsent::record(qint64 accountId, const ConsentEvent &event)
{
    m_error.clear();
    if (const QString why = problem(event); !why.isEmpty())
        return fail(why);

    QSqlQuery tx(m_db);
    if (!tx.exec(u"SAVEPOINT manual_consent"_s))
        return fail(u"cannot start the consent change: "_s + tx.lastError().text());
    const auto rollback = [&](const QString &message) {
        QSqlQuery undo(m_db);
        undo.exec(u"ROLLBACK TO manual_consent"_s);
        undo.exec(u"RELEASE manual_consent"_s);
        return fail(message);
    };

    ConsentRows rows(m_db);
    if (!rows.record(accountId, event))
        return rollback(rows.errorString());

    const QJsonObject details{
        {u"contact"_s, event.contactNumber},
        {u"sender"_s, event.senderNumber}, // '' for every number of the account
        {u"source"_s, ConsentEvent::sourceToString(event.source)},
        {u"detail"_s, event.detail},
    };
    QSqlQuery audit(m_db);
    audit.prepare(u"INSERT INTO audit_log (account_id, actor, action, subject_type, details, "
                  u"occurred_at) VALUES (?, ?, ?, 'contact', ?, ?)"_s);
    audit.addBindValue(accountId);
    audit.addBindValue(event.actor);
    audit.addBindValue(QString(u"consent."_s + ConsentEvent::kindToString(event.kind)));
    audit.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    audit.addBindValue(event.occurredAt.toMSecsSinceEpoch());
    if (!audit.exec())
        return rollback(u"cannot write the consent audit row: "_s + audit.lastError().text());

    QSqlQuery threads(m_db);
    threads.prepare(u"SELECT id FROM threads WHERE account_id = ? AND customer_number = ?"_s);
    threads.addBindValue(accountId);
    threads.addBindValue(event.contactNumber);
    if (!threads.exec())
        return rollback(u"cannot read the customer's threads: "_s + threads.lastError().text());
    QList<qint64> ids;
    while (threads.next())
        ids.append(threads.value(0).toLongLong());
    threads.finish();

    QSqlQuery release(m_db);
    if (!release.exec(u"RELEASE manual_consent"_s))
        return rollback(u"cannot finish the consent change: "_s + release.lastError().text());
    return ids;
}
