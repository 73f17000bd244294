// An agent's hand-made consent change (unsubscribe or re-subscribe from the contact panel):
// checks the reason and evidence, then records the consent event and its audit row together.
// Runs on the writer connection, inside a StoreWriter job.
#pragma once

#include "ConsentEvent.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class ManualConsent
{
public:
    explicit ManualConsent(QSqlDatabase db);

    // What is wrong with an agent's event, '' when it may be recorded. An opt-out needs a
    // reason (detail); an opt-in needs a source of form, import or agent and the evidence
    // (detail). Both need the customer, the agent (actor) and a time.
    static QString problem(const ConsentEvent &event);

    // Records the event and an audit row ("consent.opt_out" / "consent.opt_in"); returns the
    // account's threads with this customer, nullopt on an error.
    std::optional<QList<qint64>> record(qint64 accountId, const ConsentEvent &event);

    QString errorString() const { return m_error; }

private:
    std::optional<QList<qint64>> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
