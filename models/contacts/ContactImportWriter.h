// Writes the checked rows of a contacts import: upserts by (account, number) and their opt-in
// consent events, each statement prepared once and the duplicate checks made in memory. The
// caller owns the transaction (ContactImport::run: all rows or none).
#pragma once

#include "ConsentRows.h"
#include "ContactImport.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <utility>

class ContactImportWriter
{
public:
    // Which mapped fields replace stored ones (unmapped fields keep what the contact has).
    struct Fields
    {
        bool name = false;
        bool timeZone = false;
        bool tags = false;
    };

    ContactImportWriter(QSqlDatabase db, qint64 accountId, const QString &actor, qint64 nowMs);

    // Prepares the statements and reads the account's numbers and the opt-ins earlier imports
    // recorded. False with errorString() on a store error.
    bool prepare(const Fields &fields);
    // One contact and, when it carries a consent time that is not recorded yet, its opt-in.
    bool write(const ContactImport::Contact &contact);

    int inserted() const { return m_inserted; }
    int updated() const { return m_updated; }
    int consentEvents() const { return m_consentEvents; }
    // The opt-ins recorded, for the team log.
    const QList<ConsentEvent> &optIns() const { return m_optIns; }
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    qint64 m_accountId;
    QString m_actor;
    qint64 m_nowMs;
    QSqlQuery m_upsert;
    ConsentRows m_consent;
    QSet<QString> m_existing;                          // numbers the account has
    QSet<std::pair<QString, qint64>> m_importedOptIns; // (number, occurred_at) from imports
    int m_inserted = 0;
    int m_updated = 0;
    int m_consentEvents = 0;
    QList<ConsentEvent> m_optIns;
    QString m_error;
};
