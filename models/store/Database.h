// One profile's SQLite file: secure creation, connection pragmas and schema migrations.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

class Database
{
public:
    enum class Error
    {
        None,
        NotAProfile,     // the file exists but is not a SQLite database
        CannotCreate,    // the file could not be created with mode 0600
        InsecureFile,    // the file's permissions could not be restricted to its owner
        CannotOpen,      // the driver failed to open it, or a connection pragma failed
        NewerSchema,     // written by a newer SMS Desk; the file is left untouched
        MigrationFailed, // a migration failed and was rolled back
    };

    // One numbered SQL script. name is what errors report, e.g. "0002_compliance_campaigns.sql".
    struct Migration
    {
        int version = 0;
        QString name;
        QString sql;
    };

    // A profile database using the migrations built into this program.
    explicit Database(const QString &filePath);
    // Tests and tools: a different list of migrations (versions 1..n, in order).
    Database(const QString &filePath, const QList<Migration> &migrations);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Creates the file if missing (mode 0600), opens it, sets WAL, foreign keys,
    // synchronous=NORMAL and a busy timeout, then migrates to the newest schema. On failure
    // the connection is closed and error()/errorString() say why.
    bool open();
    // Like open(), migrating no further than targetVersion (tests build old profiles with it).
    bool open(int targetVersion);

    bool isOpen() const;
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    QString filePath() const { return m_filePath; }

    // The connection; valid in the thread that called open() only, while this object lives.
    QSqlDatabase connection() const;
    // The schema version of the open file (PRAGMA user_version); -1 when not open.
    int schemaVersion() const;

    // The profile's UUID (made by migration 9): what keychain entries are keyed by, since row
    // ids repeat across profiles. Empty when not open or not migrated that far.
    QString profileUuid() const;

    static int latestSchemaVersion();
    // The built-in migrations with their SQL text read from the resources.
    static QList<Migration> builtInMigrations();

private:
    bool fail(Error error, const QString &message);
    bool prepareFile();
    bool checkHeader();
    bool configureConnection();
    bool migrate(int fromVersion, int targetVersion);
    bool applyMigration(const Migration &migration);
    int readUserVersion();

    QString m_filePath;
    QString m_connectionName;
    QList<Migration> m_migrations;
    QSqlDatabase m_db;
    Error m_error = Error::None;
    QString m_errorString;
};
