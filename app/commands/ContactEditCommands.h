// What a person does to one contact from the Contacts list: save its name, tags, attributes
// and time zone, or delete it. In a team both are shared through the team log like an import
// (contact.put with every field, contact.delete), so teammates converge: per contact and field
// the op later in the log wins. Gated like imports (TeamPermissions::Area::Contacts: a
// marketer or an admin). Answers come asynchronously.
#pragma once

#include "AdminCommandBase.h"
#include "ContactEditRows.h"

class ContactEditCommands : public AdminCommandBase
{
    Q_OBJECT

public:
    using Fields = ContactEditRows::Fields;

    ContactEditCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                        QObject *parent = nullptr);

    // Replaces every shared field of the contact `number` (which must exist).
    void save(const QString &number, const Fields &fields, Done done);
    // Removes the contact: its name, tags, attributes and time zone go. Its threads and
    // messages stay (provider history) and show the bare number; its consent history stays
    // (a compliance ledger), so an opt-out still holds if the number texts again.
    void remove(const QString &number, Done done);

    // '' when the fields may be saved, else the first problem, for a person to read
    // (ContactLimits, the limits every entry point shares).
    static QString problem(const Fields &fields);
};
