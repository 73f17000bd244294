// The consent_events table and the account's opt-out scope: records events (append-only)
// and reads a customer's history back as a ConsentLedger, for every screen that sends.
#pragma once

#include "ConsentEvent.h"
#include "ConsentLedger.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

class QSqlQuery;

class ConsentRows
{
public:
    explicit ConsentRows(QSqlDatabase db);

    // Appends one event; false (errorString()) when it is incomplete or the store refuses it.
    // The insert is prepared once per ConsentRows, so bulk callers (imports) keep one.
    bool record(qint64 accountId, const ConsentEvent &event);

    // The customer's events in the account, oldest first; nullopt on a read error.
    std::optional<QList<ConsentEvent>> eventsFor(qint64 accountId, const QString &contactNumber);
    // Every event of the account (exports, campaign planning), oldest first.
    std::optional<QList<ConsentEvent>> eventsOf(qint64 accountId);

    // The customer's consent under the account's scope setting.
    std::optional<ConsentLedger> ledgerFor(qint64 accountId, const QString &contactNumber);

    std::optional<ConsentLedger::Scope> scope(qint64 accountId);
    bool setScope(qint64 accountId, ConsentLedger::Scope scope);

    QString errorString() const { return m_error; }

private:
    std::optional<QList<ConsentEvent>> select(qint64 accountId, const QString *contactNumber);
    bool fail(const QString &message);

    QSqlDatabase m_db;
    std::shared_ptr<QSqlQuery> m_insert; // prepared on the first record()
    QString m_error;
};
