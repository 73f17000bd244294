#include "CsvTable.h"

#include "CsvReader.h"

CsvTable CsvTable::parse(const QByteArray &data, QString *error)
{
    CsvTable table;
    error->clear();
    CsvReader reader(data);
    if (!reader.readHeader()) {
        *error = reader.error();
        return {};
    }
    table.header = reader.header();
    QStringList fields;
    int row = 0;
    while (reader.next(&fields, &row)) {
        table.rows.append(fields);
        table.rowNumbers.append(row);
    }
    if (!reader.error().isEmpty()) {
        *error = reader.error();
        return {};
    }
    return table;
}
