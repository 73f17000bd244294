// Contacts in the team log: contact.put carries contacts' name, tags, attributes and time zone,
// keyed by the contact's number (E.164 or a short code's digits), under fields.contacts:
//   {"contacts": {"+14155550101": {"name": "Ana", "tags": ["vip"], "attributes": {...},
//                 "time_zone": "America/Chicago"}, ...}}
// A contact carries only the fields the change set (an import that maps no name leaves names
// alone); each is the whole resulting value, so the op later in the log wins per contact and
// field, and applying twice changes nothing. One op holds as many contacts as fit a Sync item
// (TeamOpPacker): an import of 10,000 contacts is ~50 items, not 10,000.
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class ContactOpApplier
{
public:
    // Which of a contact's shared fields a change set.
    struct Fields
    {
        bool name = false;
        bool tags = false;
        bool attributes = false;
        bool timeZone = false;
    };

    static bool handles(const QString &kind);
    static const QString &kind();

    explicit ContactOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);

    // The ops describing `fields` of the account's contacts `numbers` as stored now, packed;
    // nullopt on a read error (errorString()). Numbers without a contact are left out.
    std::optional<QList<TeamOp>> describe(qint64 accountId, const QStringList &numbers,
                                          const Fields &fields);

    QString errorString() const { return m_error; }

private:
    // "number|field" of our contact changes still waiting for the log.
    std::optional<QSet<QString>> pendingFields(qint64 accountId);
    // 1 changed, 0 unchanged, -1 on an error, -2 when the entry is not one this version reads.
    int applyContact(qint64 accountId, const QString &number, const QJsonObject &values,
                     const QSet<QString> &pending);
    std::optional<TeamOpApplier::Outcome> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
