#include "ImportRows.h"

#include "CsvReader.h"

#include <QFile>

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

ContactImport::Result ImportRows::contactsFromFile(qint64 accountId, const QString &path,
                                                   const QStringList &header,
                                                   const QList<ContactImport::Column> &mapping,
                                                   const ContactImport::Options &options,
                                                   const ContactImport::Progress &progress)
{
    ContactImport::Result result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    CsvReader reader(&file);
    if (!reader.readHeader()) {
        result.error = reader.error();
        return result;
    }
    if (reader.header() != header) {
        result.error =
            QStringLiteral("%1 has changed since it was opened: open it again").arg(path);
        return result;
    }
    return ContactImport::run(m_db, accountId, reader, mapping, options, progress);
}

ConsentCsv::ImportResult ImportRows::optIns(qint64 accountId, const QString &csv,
                                            const QString &actor, const QString &defaultRegion)
{
    return ConsentCsv::importOptIns(m_db, accountId, csv, actor, defaultRegion);
}
