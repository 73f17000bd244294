// A CSV file read per RFC 4180: a header row and data rows, each with its row number.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Reading rules: UTF-8 (an optional BOM is dropped; invalid UTF-8 is an error, not a guess),
// fields separated by ',', records by CRLF or LF (a lone CR too), fields optionally quoted
// with '"' and then free to hold commas, line breaks and doubled quotes (""). A quote inside
// an unquoted field, text after a closing quote, or a quote left open is an error naming the
// row. Blank lines are skipped but counted, so row numbers are the ones a spreadsheet shows
// (the header is row 1) as long as no field holds a line break.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowNumbers; // of each data row, parallel to rows

    static CsvTable parse(const QByteArray &data, QString *error);
};
