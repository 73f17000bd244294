#include "ImportRows.h"

#include <utility>

ImportRows::ImportRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

ContactImport::Result ImportRows::contacts(qint64 accountId, const CsvTable &table,
                                           const QList<ContactImport::Column> &mapping,
                                           const ContactImport::Options &options,
                                           const ContactImport::Progress &progress)
{
    return ContactImport::run(m_db, accountId, table, mapping, options, progress);
}

ConsentCsv::ImportResult ImportRows::optIns(qint64 accountId, const QString &csv,
                                            const QString &actor, const QString &defaultRegion)
{
    return ConsentCsv::importOptIns(m_db, accountId, csv, actor, defaultRegion);
}
