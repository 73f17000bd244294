// A CSV file read whole (CsvReader's rules and limits): a header row and data rows, each with
// its row number. For small files and previews; an import streams through CsvReader.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowNumbers; // of each data row, parallel to rows

    static CsvTable parse(const QByteArray &data, QString *error);
};
