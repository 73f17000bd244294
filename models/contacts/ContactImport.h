// Imports contacts from a CSV file: maps columns to contact fields, checks every row, and
// writes them (with their opt-in consent) in one transaction, or nothing at all. The file is
// streamed (CsvReader): a row is checked and written as it is read, so memory stays bounded
// whatever the file's length; a bad row rolls the whole import back.
#pragma once

#include "ConsentEvent.h"
#include "CsvTable.h"

class CsvReader;

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class ContactImport
{
public:
    // What one CSV column holds. Targets as written in mappings: number, name, first_name,
    // last_name, attributes.<key>, tags, time_zone, consent_source, consent_at, ignore.
    struct Column
    {
        enum class Field
        {
            Ignore,
            Number,
            Name,
            FirstName, // joined with LastName into the name; both kept as attributes too
            LastName,
            Attribute,
            Tags,
            TimeZone,
            ConsentSource,
            ConsentAt
        };
        Field field = Field::Ignore;
        QString attribute; // the key, for Attribute

        QString target() const;
        static std::optional<Column> fromTarget(const QString &target, QString *error);
        friend bool operator==(const Column &, const Column &) = default;
    };

    struct RowError
    {
        int row = 0;    // as CsvTable numbers it (header = 1)
        QString column; // the header of the offending column
        QString reason;
    };

    // One checked row, ready to write.
    struct Contact
    {
        int row = 0;
        QString number; // E.164
        QString name;
        QString attributesJson; // a JSON object
        QString tagsJson;       // a JSON array
        QString timeZone;
        QString consentSource;  // free text: where the opt-in was given (a form, a store...)
        qint64 consentAtMs = 0; // 0: no consent recorded
    };

    // How far an import is: rows read (checked and, while no row is bad, written) and bytes
    // of the file read (bytesTotal is -1 when the size is unknown).
    struct Progressed
    {
        int rows = 0;
        qint64 bytesRead = 0;
        qint64 bytesTotal = -1;
    };
    // Called every `progressEvery` rows and once at the end.
    using Progress = std::function<void(const Progressed &progress)>;

    // At most this many row errors are listed (Result::badRows counts them all).
    static constexpr int MaxListedErrors = 1000;

    struct Options
    {
        QString defaultRegion = QStringLiteral("US"); // for numbers without '+'
        QString actor;                                // who imports, for consent events
        qint64 nowMs = 0;                             // consent times after it are refused
        bool importValidRows = false; // import the valid rows even when others have errors
        int progressEvery = 1000;
        // Told what was written, every writtenBatch contacts and after the last, inside the
        // import's savepoint: a team queues its ops there (ContactImportShare), so a million
        // written numbers never sit in memory. '' goes on; else the reason, and nothing is kept.
        using Written =
            std::function<QString(const QStringList &numbers, const QList<ConsentEvent> &optIns)>;
        Written written;
        int writtenBatch = 2000;
    };

    struct Result
    {
        int rows = 0;     // data rows in the file
        int inserted = 0; // new contacts
        int updated = 0;  // existing contacts changed
        int consentEvents = 0;
        int badRows = 0;        // rows with at least one error
        QList<RowError> errors; // the first MaxListedErrors
        bool written = false;   // false: nothing was imported
        QString error;          // why nothing was imported, when it is not the row errors
    };

    // A guess from the header names: phone/mobile/number -> number, name/full name -> name,
    // first name/given name, last name/surname, tags, time zone/tz, consent source, consent
    // at/opted in at; e-mail/email address -> attributes.email, company/organization ->
    // attributes.company; anything else becomes an attribute named after its header in
    // snake_case.
    static QList<Column> guessMapping(const QStringList &header);

    // Checks the rows against the mapping (ContactRowChecker): numbers (libphonenumber's
    // message), the fields' limits and control characters (ContactLimits), time zones (IANA
    // ids), consent times (ISO 8601 with an offset or Z, not in the future), cells beyond the
    // header, and numbers the file holds twice.
    static QList<Contact> check(const CsvTable &table, const QList<Column> &mapping,
                                const Options &options, QList<RowError> *errors);

    // Each row checked then, while no row is bad or with options.importValidRows, written:
    // contacts upserted by (account, number) (mapped fields replace the stored ones,
    // attributes are merged), consent columns recorded as opt_in events with source import.
    // One transaction (a savepoint inside the caller's, when it has one), rolled back when a
    // row is bad (unless importValidRows) or the file turns out unreadable half-way.
    static Result run(QSqlDatabase db, qint64 accountId, const CsvTable &table,
                      const QList<Column> &mapping, const Options &options,
                      const Progress &progress = {});
    // The same, streaming from `reader` after its readHeader().
    static Result run(QSqlDatabase db, qint64 accountId, CsvReader &reader,
                      const QList<Column> &mapping, const Options &options,
                      const Progress &progress = {});

    // A mapping error (no number column, two number columns, an attribute name too long or
    // of the wrong shape, ...) or an empty string.
    static QString mappingError(const QList<Column> &mapping, int columnCount);

private:
    // The next row; false at the end, with *error set when the file could not be read on.
    using NextRow = std::function<bool(QStringList *fields, int *row, QString *error)>;
    static Result importRows(QSqlDatabase db, qint64 accountId, const QStringList &header,
                             const QList<Column> &mapping, const Options &options,
                             const Progress &progress, const NextRow &next,
                             const std::function<Progressed()> &position);
};
