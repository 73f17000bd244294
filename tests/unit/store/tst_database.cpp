#include "Database.h"
#include "RawConnection.h"
#include "StoreTestUtil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::ftsConsistent;
using StoreTestUtil::rows;
using StoreTestUtil::scalar;
using StoreTestUtil::search;

namespace {

int fileMode(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Every table, column (name, type, not null, default, key, hidden), index, foreign key,
// trigger and view, with whitespace in the stored SQL normalised.
QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList schema;
    QSqlQuery objects = exec(db, u"SELECT type, name, tbl_name, sql FROM sqlite_master "
                                 u"ORDER BY type, name"_s);
    QStringList tables;
    while (objects.next()) {
        const QString type = objects.value(0).toString();
        const QString name = objects.value(1).toString();
        schema.append(type + u' ' + name + u" on " + objects.value(2).toString() + u": " +
                      objects.value(3).toString().simplified());
        if (type == u"table"_s)
            tables.append(name);
    }
    for (const QString &table : std::as_const(tables)) {
        for (const QString &row : rows(db, u"SELECT * FROM pragma_table_xinfo(?)"_s, {table}))
            schema.append(table + u" column " + row);
        for (const QString &row : rows(db, u"SELECT * FROM pragma_foreign_key_list(?)"_s, {table}))
            schema.append(table + u" foreign key " + row);
        for (const QString &index :
             rows(db, u"SELECT name FROM pragma_index_list(?) ORDER BY name"_s, {table})) {
            schema.append(table + u" index " +
                          rows(db,
                               u"SELECT * FROM pragma_index_list(?) "
                               u"WHERE name = ?"_s,
                               {table, index})
                              .join(u','));
            for (const QString &row : rows(db, u"SELECT * FROM pragma_index_xinfo(?)"_s, {index}))
                schema.append(index + u" key " + row);
        }
    }
    return schema;
}

} // namespace
class TstDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newFileIsPrivate();
    void looseFileIsRestricted();
    void connectionPragmas();
    void connectionNamesAreUnique();
    void freshOpenReachesLatest();
    void everyMigrationResourceIsListed();
    void reopenKeepsData();
    void upgradeOldProfile_data();
    void upgradeOldProfile();
    void newerSchemaIsRefused_data();
    void newerSchemaIsRefused();
    void notASqliteFile();
    void brokenMigrationRollsBack_data();
    void brokenMigrationRollsBack();

private:
    QString path(const QString &name = u"profile.sqlite"_s) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstDatabase::newFileIsPrivate()
{
    Database db(path());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(fileMode(path()), 0600);
    // The write-ahead log and shared-memory files hold message text too.
    QVERIFY(exec(db.connection(), u"INSERT INTO accounts (name) VALUES ('a')"_s).isActive());
    QVERIFY(QFile::exists(path() + u"-wal"_s));
    QCOMPARE(fileMode(path() + u"-wal"_s), 0600);
    QCOMPARE(fileMode(path() + u"-shm"_s), 0600);
}

void TstDatabase::looseFileIsRestricted()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                QFile::ReadOther));
    QCOMPARE(fileMode(path()), 0644);
    Database db(path());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(fileMode(path()), 0600);
}

void TstDatabase::connectionPragmas()
{
    Database db(path());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    const QSqlDatabase c = db.connection();
    QCOMPARE(scalar(c, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(scalar(c, u"PRAGMA foreign_keys"_s).toInt(), 1);
    QCOMPARE(scalar(c, u"PRAGMA synchronous"_s).toInt(), 1); // NORMAL
    QVERIFY(scalar(c, u"PRAGMA busy_timeout"_s).toInt() > 0);
    // Foreign keys are enforced, not only switched on.
    QVERIFY(!exec(c, u"INSERT INTO contacts (account_id, number) VALUES (42, '+15550000000')"_s)
                 .isActive());
}

void TstDatabase::connectionNamesAreUnique()
{
    auto first = std::make_unique<Database>(path());
    Database second(path());
    QVERIFY(first->open());
    QVERIFY(second.open());
    QVERIFY(first->connection().connectionName() != second.connection().connectionName());
    const QString name = first->connection().connectionName();
    first.reset();
    QVERIFY(!QSqlDatabase::contains(name));
    QVERIFY(second.isOpen());
}

void TstDatabase::freshOpenReachesLatest()
{
    Database db(path());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(db.error(), Database::Error::None);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(scalar(db.connection(), u"PRAGMA user_version"_s).toInt(),
             Database::latestSchemaVersion());
    for (const char *table :
         {"accounts", "sender_numbers", "contacts", "threads", "messages", "messages_fts",
          "consent_events", "keyword_processes", "templates", "template_versions", "campaigns",
          "campaign_recipients", "events", "sync_cursors", "audit_log"}) {
        QVERIFY2(scalar(db.connection(), u"SELECT count(*) FROM sqlite_master WHERE name = ?"_s,
                        {QString::fromLatin1(table)})
                         .toInt() == 1,
                 table);
    }
}

void TstDatabase::everyMigrationResourceIsListed()
{
    QStringList listed;
    for (const Database::Migration &migration : Database::builtInMigrations()) {
        QVERIFY2(!migration.sql.trimmed().isEmpty(), qPrintable(migration.name));
        listed.append(migration.name);
    }
    const QStringList inResources = QDir(u":/migrations"_s).entryList(QDir::Files, QDir::Name);
    QCOMPARE(listed, inResources);
    QCOMPARE(Database::latestSchemaVersion(), inResources.size());
}

void TstDatabase::reopenKeepsData()
{
    {
        Database db(path());
        QVERIFY(db.open());
        QVERIFY(
            exec(db.connection(), u"INSERT INTO accounts (name) VALUES ('Bloom')"_s).isActive());
    }
    Database db(path());
    QVERIFY2(db.open(), qPrintable(db.errorString()));
    QCOMPARE(scalar(db.connection(), u"SELECT name FROM accounts"_s).toString(), u"Bloom"_s);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
}

void TstDatabase::upgradeOldProfile_data()
{
    QTest::addColumn<bool>("fromFixture");
    QTest::newRow("shipped v1 fixture") << true;
    QTest::newRow("v1 built by migration 1 alone") << false;
}

void TstDatabase::upgradeOldProfile()
{
    QFETCH(bool, fromFixture);
    if (fromFixture) {
        QFile fixture(QStringLiteral(SMSDESK_FIXTURES_DIR "/profile_v1.sql"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        RawConnection raw(path());
        QVERIFY(raw.runScript(QString::fromUtf8(fixture.readAll())));
    } else {
        Database old(path());
        QVERIFY2(old.open(1), qPrintable(old.errorString()));
        QCOMPARE(old.schemaVersion(), 1);
        QVERIFY(!scalar(old.connection(),
                        u"SELECT 1 FROM sqlite_master WHERE name = 'consent_events'"_s)
                     .isValid());
        RawConnection raw(path());
        QVERIFY(raw.runScript(
            u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom');"
            u"INSERT INTO sender_numbers (id, account_id, number, kind, throughput_mps) "
            u"VALUES (1, 1, '+15550100001', 'long_code', 1);"
            u"INSERT INTO contacts (account_id, number, name) VALUES (1, '+15557770001', 'Dana');"
            u"INSERT INTO threads (id, account_id, customer_number, sender_number_id) "
            u"VALUES (1, 1, '+15557770001', 1);"
            u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, "
            u"body, status, provider_sid, created_at, updated_at) VALUES (1, 1, 'in', "
            u"'+15557770001', '+15550100001', 'rye loaves please', 'received', 'SM1', 1, 1);"_s));
    }

    const QStringList v1Tables = {u"accounts"_s, u"sender_numbers"_s, u"contacts"_s,
                                  u"threads"_s,  u"messages"_s,       u"sync_cursors"_s};
    QHash<QString, QStringList> before;
    QHash<QString, QString> columns;
    {
        RawConnection raw(path());
        QCOMPARE(scalar(raw.db(), u"PRAGMA user_version"_s).toInt(), 1);
        for (const QString &table : v1Tables) {
            columns[table] = rows(raw.db(),
                                  u"SELECT group_concat(name, ', ') FROM "
                                  u"pragma_table_info(?)"_s,
                                  {table})
                                 .value(0);
            // Table and column names come from the schema, not from data.
            before[table] = rows(raw.db(), u"SELECT "_s + columns[table] + u" FROM "_s + table +
                                               u" ORDER BY rowid"_s);
        }
        QVERIFY(!before[u"messages"_s].isEmpty());
    }

    Database upgraded(path());
    QVERIFY2(upgraded.open(), qPrintable(upgraded.errorString()));
    QCOMPARE(upgraded.schemaVersion(), Database::latestSchemaVersion());
    for (const QString &table : v1Tables) {
        QCOMPARE(rows(upgraded.connection(),
                      u"SELECT "_s + columns[table] + u" FROM "_s + table + u" ORDER BY rowid"_s),
                 before[table]);
    }
    QCOMPARE(scalar(upgraded.connection(), u"SELECT count(*) FROM messages WHERE variant <> '' "
                                           u"OR campaign_id IS NOT NULL"_s)
                 .toInt(),
             0);
    // Search still finds old messages, by body and by contact name.
    QVERIFY(ftsConsistent(upgraded.connection()));
    QCOMPARE(search(upgraded.connection(), u"rye"_s).size(), 1);
    QVERIFY(!search(upgraded.connection(), u"contact_name:dana"_s).isEmpty());

    Database fresh(path(u"fresh.sqlite"_s));
    QVERIFY(fresh.open());
    const QStringList freshSchema = schemaOf(fresh.connection());
    QVERIFY(freshSchema.size() > 100);
    QCOMPARE(schemaOf(upgraded.connection()), freshSchema);
}

void TstDatabase::newerSchemaIsRefused_data()
{
    QTest::addColumn<QString>("journalMode");
    QTest::newRow("rollback journal") << u"DELETE"_s;
    QTest::newRow("write-ahead log") << u"WAL"_s;
}

void TstDatabase::newerSchemaIsRefused()
{
    QFETCH(QString, journalMode);
    const int newer = Database::latestSchemaVersion() + 5;
    {
        RawConnection raw(path());
        QVERIFY(raw.runScript(u"PRAGMA journal_mode = "_s + journalMode +
                              u"; CREATE TABLE future (x); INSERT INTO future VALUES (1);"_s
                              u"PRAGMA user_version = "_s +
                              QString::number(newer) + u";"_s));
    }
    QVERIFY(!QFile::exists(path() + u"-wal"_s));
    const QByteArray hash = fileHash(path());
    const QStringList filesBefore = QDir(m_dir->path()).entryList(QDir::Files);

    Database db(path());
    QVERIFY(!db.open());
    QCOMPARE(db.error(), Database::Error::NewerSchema);
    QVERIFY2(db.errorString().contains(u"profile was written by a newer SMS Desk (schema %1, this "
                                       u"build knows %2)"_s.arg(newer)
                                           .arg(Database::latestSchemaVersion())),
             qPrintable(db.errorString()));
    QVERIFY(!db.isOpen());
    QCOMPARE(fileHash(path()), hash);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), filesBefore);
}

void TstDatabase::notASqliteFile()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(200, 'x'));
    file.close();
    const QByteArray hash = fileHash(path());
    Database db(path());
    QVERIFY(!db.open());
    QCOMPARE(db.error(), Database::Error::NotAProfile);
    QVERIFY(db.errorString().contains(u"not an SMS Desk profile"_s));
    QCOMPARE(fileHash(path()), hash);
}

void TstDatabase::brokenMigrationRollsBack_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("reason");
    QTest::newRow("failing statement")
        << u"CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);\n"_s
        << u"no such table: no_such_table"_s;
    QTest::newRow("unsplittable script")
        << u"CREATE TABLE half_done (x);\nSELECT 1\n"_s << u"without a closing ';'"_s;
    QTest::newRow("broken reference")
        << u"CREATE TABLE half_done (x);\nPRAGMA defer_foreign_keys = ON;\n"
           u"INSERT INTO contacts (account_id, number) VALUES (99, '+1555');\n"_s
        << u"broken reference from contacts"_s;
}

void TstDatabase::brokenMigrationRollsBack()
{
    QFETCH(QString, sql);
    QFETCH(QString, reason);
    {
        Database current(path());
        QVERIFY(current.open());
    }
    const int latest = Database::latestSchemaVersion();
    QList<Database::Migration> migrations = Database::builtInMigrations();
    migrations.append(
        {latest + 1, u"%1_broken.sql"_s.arg(latest + 1, 4, 10, QLatin1Char('0')), sql});
    Database db(path(), migrations);
    QVERIFY(!db.open());
    QCOMPARE(db.error(), Database::Error::MigrationFailed);
    QVERIFY2(db.errorString().contains(migrations.last().name), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(reason), qPrintable(db.errorString()));

    Database after(path());
    QVERIFY2(after.open(), qPrintable(after.errorString()));
    QCOMPARE(after.schemaVersion(), latest);
    QVERIFY(!scalar(after.connection(), u"SELECT 1 FROM sqlite_master WHERE name = 'half_done'"_s)
                 .isValid());
}

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
