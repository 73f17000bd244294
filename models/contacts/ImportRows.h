// The store side of the two CSV imports, as a repository a writer job gets from its context:
// contacts (ContactImport) and opt-ins (ConsentCsv), each all-or-nothing in one transaction.
#pragma once

#include "ConsentCsv.h"
#include "ContactImport.h"

#include <QSqlDatabase>

class ImportRows
{
public:
    explicit ImportRows(QSqlDatabase db);

    ContactImport::Result contacts(qint64 accountId, const CsvTable &table,
                                   const QList<ContactImport::Column> &mapping,
                                   const ContactImport::Options &options,
                                   const ContactImport::Progress &progress = {});
    // Streams the CSV file at `path`, whose header must still be `header` (the one the
    // mapping was made for: a file changed since is refused).
    ContactImport::Result contactsFromFile(qint64 accountId, const QString &path,
                                           const QStringList &header,
                                           const QList<ContactImport::Column> &mapping,
                                           const ContactImport::Options &options,
                                           const ContactImport::Progress &progress = {});
    ConsentCsv::ImportResult optIns(qint64 accountId, const QString &csv, const QString &actor,
                                    const QString &defaultRegion);

private:
    QSqlDatabase m_db;
};
