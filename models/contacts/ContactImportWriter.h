// Writes the checked rows of a contacts import: upserts by (account, number) and their opt-in
// consent events, each statement prepared once. Nothing grows with the file: new and updated
// contacts are told apart by counting the account's contacts before and after, and an opt-in
// an earlier import recorded is found through the consent index. The caller owns the
// transaction (ContactImport::run: all rows or none).
#pragma once

#include "ConsentRows.h"
#include "ContactImport.h"

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
    // After the last write: counts the new contacts.
    bool finish();
    // Whether optIns() keeps the opt-ins recorded (for the team log).
    void setCollect(bool collect) { m_collect = collect; }
    // The opt-ins kept since the last call.
    QList<ConsentEvent> takeOptIns() { return std::exchange(m_optIns, {}); }

    int inserted() const { return m_inserted; }
    int updated() const { return m_updated; }
    int consentEvents() const { return m_consentEvents; }
    // The opt-ins kept, for the team log.
    const QList<ConsentEvent> &optIns() const { return m_optIns; }
    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    qint64 m_accountId;
    QString m_actor;
    qint64 m_nowMs;
    QSqlQuery m_upsert;
    QSqlQuery m_optInKnown;
    ConsentRows m_consent;
    qint64 m_contactsBefore = 0;
    int m_written = 0;
    bool m_collect = false;
    int m_inserted = 0;
    int m_updated = 0;
    int m_consentEvents = 0;
    QList<ConsentEvent> m_optIns;
    QString m_error;
};
