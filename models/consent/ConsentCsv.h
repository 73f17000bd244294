// The consent ledger as CSV (RFC 4180) for audits, and opt-ins imported from CSV: every bad
// row is reported with its line and nothing is imported unless every row is good.
#pragma once

#include "ConsentEvent.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class ConsentCsv
{
public:
    struct RowError
    {
        int line = 0; // 1 is the header
        QString message;
    };

    struct Parsed
    {
        QList<ConsentEvent> events;
        QList<RowError> errors;
    };

    struct ImportResult
    {
        int imported = 0;
        QList<RowError> errors; // non-empty: nothing was imported
        QString storeError;
        bool ok() const { return errors.isEmpty() && storeError.isEmpty(); }
    };

    // Columns of the export, in order.
    static QStringList exportColumns();
    // The events (oldest first) as CSV with a header line, CRLF line ends.
    static QString toCsv(const QList<ConsentEvent> &events);

    // Import columns: number and occurred_at (ISO 8601 with an offset or Z) are required;
    // source (form, import, agent, keyword; default import), opt_in_copy and sender_number
    // are optional. Numbers without '+' are read in `defaultRegion`.
    static QStringList importColumns();
    static Parsed parseOptIns(const QString &csv, const QString &actor,
                              const QString &defaultRegion = QStringLiteral("US"),
                              const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Parses and, only when every row is good, records all opt-ins in one transaction.
    static ImportResult importOptIns(QSqlDatabase db, qint64 accountId, const QString &csv,
                                     const QString &actor,
                                     const QString &defaultRegion = QStringLiteral("US"));

    // RFC 4180 records; a quoted field may hold commas, quotes ("") and line breaks.
    // *lines gets the line each record starts on. False with *error on an unclosed quote.
    static bool splitRecords(const QString &csv, QList<QStringList> *records, QList<int> *lines,
                             QString *error);
    // A field as a CSV cell: formula-like text neutralised, quoted when it must be.
    static QString quote(const QString &field);
    // A leading apostrophe before = + - @ tab or CR, so a spreadsheet shows the cell as text
    // instead of running it; unneutralise() reads such a cell back as it was.
    static QString neutralise(const QString &field);
    static QString unneutralise(const QString &field);
};
