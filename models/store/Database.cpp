#include "Database.h"

#include "MigrationTable.h"
#include "SqlScript.h"
#include "StoreLogging.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int BusyTimeoutMs = 5000;
constexpr int SqliteHeaderSize = 100;
constexpr int UserVersionOffset = 60;

QString nextConnectionName()
{
    static std::atomic<int> counter{0};
    return u"smsdesk-db-%1"_s.arg(counter.fetch_add(1));
}

QString firstLine(const QString &statement)
{
    const QString line = statement.section(u'\n', 0, 0).trimmed();
    return line.size() > 80 ? line.left(77) + u"..."_s : line;
}

} // namespace

Database::Database(const QString &filePath)
    : Database(filePath, builtInMigrations())
{}

Database::Database(const QString &filePath, const QList<Migration> &migrations)
    : m_filePath(filePath)
    , m_connectionName(nextConnectionName())
    , m_migrations(migrations)
{}

Database::~Database()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

int Database::latestSchemaVersion()
{
    return MigrationTable::latestVersion();
}

QList<Database::Migration> Database::builtInMigrations()
{
    QList<Migration> migrations;
    for (const MigrationTable::Entry &entry : MigrationTable::entries) {
        const QString resource = QString::fromLatin1(entry.resource);
        QFile file(resource);
        Migration migration;
        migration.version = entry.version;
        migration.name = QFileInfo(resource).fileName();
        if (file.open(QIODevice::ReadOnly))
            migration.sql = QString::fromUtf8(file.readAll());
        else
            qCCritical(lcStore) << "migration resource missing:" << resource;
        migrations.append(migration);
    }
    return migrations;
}

bool Database::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

QSqlDatabase Database::connection() const
{
    return m_db;
}

int Database::schemaVersion() const
{
    if (!isOpen())
        return -1;
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString Database::profileUuid() const
{
    if (!isOpen())
        return {};
    QSqlQuery query(m_db);
    if (!query.exec(u"SELECT uuid FROM profile WHERE id = 1"_s) || !query.next())
        return {};
    return query.value(0).toString();
}

bool Database::open()
{
    return open(int(m_migrations.size()));
}

bool Database::open(int targetVersion)
{
    m_error = Error::None;
    m_errorString.clear();
    if (isOpen())
        m_db.close();

    for (qsizetype i = 0; i < m_migrations.size(); ++i) {
        if (m_migrations.at(i).version != i + 1)
            return fail(Error::MigrationFailed,
                        u"migration list out of order at %1"_s.arg(m_migrations.at(i).name));
    }
    if (targetVersion < 0 || targetVersion > m_migrations.size())
        return fail(Error::MigrationFailed,
                    u"no migration to schema version %1 (known: 1..%2)"_s.arg(targetVersion)
                        .arg(m_migrations.size()));

    // Everything up to the version check reads only, so a file we refuse stays untouched.
    if (!checkHeader() || !prepareFile())
        return false;

    if (!m_db.isValid())
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_filePath);
    if (!m_db.open())
        return fail(Error::CannotOpen,
                    u"cannot open %1: %2"_s.arg(m_filePath, m_db.lastError().text()));
    const int version = readUserVersion();
    if (version < 0)
        return fail(Error::CannotOpen, u"cannot read the schema version of %1"_s.arg(m_filePath));
    if (version > m_migrations.size())
        return fail(
            Error::NewerSchema,
            u"%1: profile was written by a newer SMS Desk (schema %2, this build knows %3)"_s
                .arg(m_filePath)
                .arg(version)
                .arg(m_migrations.size()));
    if (!configureConnection())
        return false;
    return migrate(version, targetVersion);
}

bool Database::fail(Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    qCWarning(lcStore).noquote() << message;
    if (m_db.isValid())
        m_db.close();
    return false;
}

bool Database::prepareFile()
{
    const QByteArray path = QFile::encodeName(m_filePath);
    // Create the file ourselves so that it is never, even briefly, readable by others:
    // SQLite would create it with 0644 (minus umask). Its -wal and -shm files copy this mode.
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
    } else if (errno != EEXIST) {
        return fail(Error::CannotCreate, u"cannot create %1: %2"_s.arg(
                                             m_filePath, QString::fromLocal8Bit(strerror(errno))));
    }
    struct stat info
    {};
    if (::stat(path.constData(), &info) != 0)
        return fail(Error::CannotCreate, u"cannot inspect %1: %2"_s.arg(
                                             m_filePath, QString::fromLocal8Bit(strerror(errno))));
    if ((info.st_mode & 0077) != 0) {
        qCWarning(lcStore).noquote() << m_filePath << "was readable by other users; restricting it";
        if (::chmod(path.constData(), 0600) != 0 || ::stat(path.constData(), &info) != 0)
            return fail(Error::InsecureFile,
                        u"cannot restrict %1 to its owner: %2"_s.arg(
                            m_filePath, QString::fromLocal8Bit(strerror(errno))));
    }
    if ((info.st_mode & 0777) != 0600)
        return fail(Error::InsecureFile, u"%1 has mode %2, expected 0600"_s.arg(m_filePath)
                                             .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0')));
    return true;
}

bool Database::checkHeader()
{
    QFile file(m_filePath);
    if (!file.exists())
        return true; // created next
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::CannotOpen, u"cannot read %1: %2"_s.arg(m_filePath, file.errorString()));
    const QByteArray header = file.read(SqliteHeaderSize);
    if (header.isEmpty())
        return true; // a new file
    if (header.size() < SqliteHeaderSize ||
        !header.startsWith(QByteArrayView("SQLite format 3\0", 16)))
        return fail(Error::NotAProfile,
                    u"%1 is not an SMS Desk profile (not a SQLite 3 database)"_s.arg(m_filePath));
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData()) + UserVersionOffset;
    const qint64 version = (qint64(bytes[0]) << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    if (version > m_migrations.size())
        return fail(
            Error::NewerSchema,
            u"%1: profile was written by a newer SMS Desk (schema %2, this build knows %3)"_s
                .arg(m_filePath)
                .arg(version)
                .arg(m_migrations.size()));
    return true;
}

int Database::readUserVersion()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Database::configureConnection()
{
    QSqlQuery query(m_db);
    const auto pragma = [&](const QString &statement) {
        if (query.exec(statement))
            return true;
        return fail(Error::CannotOpen,
                    u"%1 on %2 failed: %3"_s.arg(statement, m_filePath, query.lastError().text()));
    };
    // The busy timeout first: switching to WAL needs a lock another process may hold.
    if (!pragma(u"PRAGMA busy_timeout = %1"_s.arg(BusyTimeoutMs)))
        return false;
    if (!pragma(u"PRAGMA journal_mode = WAL"_s))
        return false;
    if (!query.next() || query.value(0).toString() != u"wal"_s)
        return fail(Error::CannotOpen, u"%1 cannot use write-ahead logging"_s.arg(m_filePath));
    // temp_store: statement journals and the page staging table stay in memory (on disk they
    // were ~27 MB of temp-file writes per 1,000-message page).
    if (!pragma(u"PRAGMA synchronous = NORMAL"_s) || !pragma(u"PRAGMA foreign_keys = ON"_s) ||
        !pragma(u"PRAGMA temp_store = MEMORY"_s))
        return false;
    if (!pragma(u"PRAGMA foreign_keys"_s))
        return false;
    if (!query.next() || query.value(0).toInt() != 1)
        return fail(Error::CannotOpen, u"foreign keys cannot be enabled on %1"_s.arg(m_filePath));
    return true;
}

bool Database::migrate(int fromVersion, int targetVersion)
{
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (migration.version <= fromVersion || migration.version > targetVersion)
            continue;
        if (!applyMigration(migration))
            return false;
        qCInfo(lcStore).noquote() << m_filePath << "migrated to schema" << migration.version << "by"
                                  << migration.name;
    }
    return true;
}

bool Database::applyMigration(const Migration &migration)
{
    QStringList statements;
    QString splitError;
    if (migration.sql.trimmed().isEmpty())
        return fail(Error::MigrationFailed,
                    u"migration %1 is empty or missing"_s.arg(migration.name));
    if (!SqlScript::split(migration.sql, &statements, &splitError))
        return fail(Error::MigrationFailed, u"migration %1: %2"_s.arg(migration.name, splitError));

    if (!m_db.transaction())
        return fail(Error::MigrationFailed, u"migration %1: cannot begin a transaction: %2"_s.arg(
                                                migration.name, m_db.lastError().text()));
    QSqlQuery query(m_db);
    const auto rollback = [&](const QString &message) {
        query.finish();
        m_db.rollback();
        return fail(Error::MigrationFailed, message);
    };
    for (const QString &statement : std::as_const(statements)) {
        if (!query.exec(statement))
            return rollback(u"migration %1 failed: %2 (in: %3)"_s.arg(
                migration.name, query.lastError().databaseText(), firstLine(statement)));
    }
    // The version is our own integer, not data: PRAGMA does not take bound parameters.
    if (!query.exec(u"PRAGMA user_version = %1"_s.arg(migration.version)))
        return rollback(u"migration %1: cannot set the schema version: %2"_s.arg(
            migration.name, query.lastError().databaseText()));
    if (!query.exec(u"PRAGMA foreign_key_check"_s))
        return rollback(u"migration %1: foreign key check failed: %2"_s.arg(
            migration.name, query.lastError().databaseText()));
    if (query.next())
        return rollback(u"migration %1 left a broken reference from %2 row %3 to %4"_s.arg(
            migration.name, query.value(0).toString(), query.value(1).toString(),
            query.value(2).toString()));
    query.finish();
    if (!m_db.commit())
        return rollback(u"migration %1: commit failed: %2"_s.arg(migration.name,
                                                                 m_db.lastError().databaseText()));
    return true;
}
