// Imports contacts from a CSV file: maps columns to contact fields, checks every row, and
// writes them (with their opt-in consent) in one transaction, or nothing at all.
#pragma once

#include "ConsentEvent.h"
#include "CsvTable.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class ContactImport
{
public:
    // What one CSV column holds. Targets as written in mappings: number, name,
    // attributes.<key>, tags, time_zone, consent_source, consent_at, ignore.
    struct Column
    {
        enum class Field
        {
            Ignore,
            Number,
            Name,
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

    enum class Stage
    {
        Checking,
        Writing
    };
    // Called every `progressEvery` rows and at the end of each stage.
    using Progress = std::function<void(Stage stage, int done, int total)>;

    struct Options
    {
        QString defaultRegion = QStringLiteral("US"); // for numbers without '+'
        QString actor;                                // who imports, for consent events
        qint64 nowMs = 0;                             // consent times after it are refused
        bool importValidRows = false; // import the valid rows even when others have errors
        int progressEvery = 1000;
    };

    struct Result
    {
        int rows = 0;     // data rows in the file
        int inserted = 0; // new contacts
        int updated = 0;  // existing contacts changed
        int consentEvents = 0;
        QList<RowError> errors;
        bool written = false; // false: nothing was imported
        QString error;        // why nothing was imported, when it is not the row errors
        // What was written, for the team log: the contacts' numbers and the opt-ins recorded.
        QStringList numbers;
        QList<ConsentEvent> optIns;
    };

    // A guess from the header names: phone/mobile/number -> number, name/full name -> name,
    // tags, time zone/tz, consent source, consent at/opted in at; anything else becomes an
    // attribute named after its header in snake_case.
    static QList<Column> guessMapping(const QStringList &header);

    // Checks the rows against the mapping: numbers (libphonenumber's message), time zones (IANA
    // ids), consent times (ISO 8601 with an offset or Z, not in the future), cells beyond the
    // header, and numbers the file holds twice.
    static QList<Contact> check(const CsvTable &table, const QList<Column> &mapping,
                                const Options &options, QList<RowError> *errors,
                                const Progress &progress = {});

    // check() then, when there are no errors or options.importValidRows, the write: contacts
    // upserted by (account, number) (mapped fields replace the stored ones, attributes are
    // merged), consent columns recorded as opt_in events with source import. One transaction
    // (a savepoint inside the caller's, when it has one).
    static Result run(QSqlDatabase db, qint64 accountId, const CsvTable &table,
                      const QList<Column> &mapping, const Options &options,
                      const Progress &progress = {});

    // A mapping error (no number column, two number columns, ...) or an empty string.
    static QString mappingError(const QList<Column> &mapping, int columnCount);
};
