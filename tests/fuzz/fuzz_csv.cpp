// The CSV readers and import checks: the contact import (CsvTable, the guessed mapping and
// every row check) and the consent opt-in import, on any bytes.
#include "ConsentCsv.h"
#include "ContactImport.h"
#include "CsvTable.h"
#include "FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytes(data, size);
    QString error;
    const CsvTable table = CsvTable::parse(bytes, &error);
    if (error.isEmpty()) {
        const QList<ContactImport::Column> mapping = ContactImport::guessMapping(table.header);
        if (ContactImport::mappingError(mapping, int(table.header.size())).isEmpty()) {
            QList<ContactImport::RowError> errors;
            ContactImport::Options options;
            options.nowMs = 1780000000000;
            (void)ContactImport::check(table, mapping, options, &errors);
        }
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1780000000000, Qt::UTC);
    (void)ConsentCsv::parseOptIns(QString::fromUtf8(bytes), QStringLiteral("fuzz"),
                                  QStringLiteral("US"), now);
    return 0;
}
