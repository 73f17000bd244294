// How a contacts import reaches the team as it goes: each batch of written contacts is
// described as stored now (contact.put, the mapped fields only) with its opt-ins
// (consent.import), packed and queued in the import's own transaction. A million-row import
// so holds one batch in memory, not every number it wrote.
#pragma once

#include "ContactImport.h"
#include "ContactOpApplier.h"
#include "TeamShare.h"

#include <QList>
#include <QSqlDatabase>

class ContactImportShare
{
public:
    explicit ContactImportShare(QSqlDatabase db);

    // The shared fields a mapping sets (first and last names set the name and attributes).
    static ContactOpApplier::Fields fieldsOf(const QList<ContactImport::Column> &mapping);
    // The import's Options::written for a team (TeamShare::runStreamed's queue).
    ContactImport::Options::Written sink(qint64 accountId, ContactOpApplier::Fields fields,
                                         TeamShare::Queue queue) const;

private:
    QSqlDatabase m_db;
};
