#include "Database.h"
#include "SqlScript.h"
#include "StoreTestUtil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using StoreTestUtil::scalar;

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

// A plain QtSql connection, for building files the way another program would.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(u"raw-%1"_s.arg(quintptr(this)))
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return m_db; }
    bool runScript(const QString &script)
    {
        QStringList statements;
        QString error;
        if (!SqlScript::split(script, &statements, &error))
            return false;
        for (const QString &statement : std::as_const(statements)) {
            if (!exec(m_db, statement).isActive())
                return false;
        }
        return true;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

QStringList rows(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QStringList result;
    QSqlQuery query = exec(db, sql, values);
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i) {
            const QVariant value = query.value(i);
            fields.append(value.isNull() ? u"NULL"_s : value.toString());
        }
        result.append(fields.join(u'|'));
    }
    return result;
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

bool ftsConsistent(const QSqlDatabase &db)
{
    // rank 1: compare the index with the content it was built from, not only with itself.
    return exec(db,
                u"INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)"_s)
        .isActive();
}

QStringList search(const QSqlDatabase &db, const QString &match)
{
    return rows(db, u"SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid"_s,
                {match});
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
    void uniqueness_data();
    void uniqueness();
    void consentEventsAreAppendOnly();
    void auditLogIsAppendOnly();
    void ftsFollowsMessagesAndContacts();

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

void TstDatabase::uniqueness_data()
{
    QTest::addColumn<QString>("duplicate");
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("sender number in two accounts")
        << u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps) "
           u"VALUES (2, '+15550100001', 'long_code', 1)"_s
        << u"sender_numbers.number"_s << false;
    QTest::newRow("duplicate thread key")
        << u"INSERT INTO threads (account_id, customer_number, sender_number_id) "
           u"VALUES (1, '+15557770001', 1)"_s
        << u"threads.account_id, threads.customer_number"_s << false;
    QTest::newRow("same customer on another number is another thread")
        << u"INSERT INTO threads (account_id, customer_number, sender_number_id) "
           u"VALUES (1, '+15557770001', 2)"_s
        << QString() << true;
    QTest::newRow("duplicate provider sid")
        << u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
           u"status, provider_sid, created_at, updated_at) VALUES (1, 1, 'in', '+15557770001', "
           u"'+15550100001', 'again', 'received', 'SM1', 2, 2)"_s
        << u"messages.provider_sid"_s << false;
    QTest::newRow("duplicate client_ref")
        << u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
           u"status, client_ref, created_at, updated_at) VALUES (1, 1, 'out', '+15550100001', "
           u"'+15557770001', 'again', 'queued', 'ref-1', 2, 2)"_s
        << u"messages.client_ref"_s << false;
    QTest::newRow("messages without client_ref are many")
        << u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
           u"status, provider_sid, created_at, updated_at) VALUES (1, 1, 'in', '+15557770001', "
           u"'+15550100001', 'more', 'received', 'SM3', 2, 2)"_s
        << QString() << true;
    QTest::newRow("duplicate contact in an account")
        << u"INSERT INTO contacts (account_id, number) VALUES (1, '+15557770001')"_s
        << u"contacts.account_id, contacts.number"_s << false;
    QTest::newRow("same contact number in another account")
        << u"INSERT INTO contacts (account_id, number) VALUES (2, '+15557770001')"_s << QString()
        << true;
}

void TstDatabase::uniqueness()
{
    QFETCH(QString, duplicate);
    QFETCH(QString, constraint);
    QFETCH(bool, accepted);
    Database db(path());
    QVERIFY(db.open());
    RawConnection raw(path());
    QVERIFY(raw.runScript(
        u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom'), (2, 'Bakery');"
        u"INSERT INTO sender_numbers (id, account_id, number, kind, throughput_mps) "
        u"VALUES (1, 1, '+15550100001', 'long_code', 1), (2, 1, '+15550100002', 'long_code', 1);"
        u"INSERT INTO contacts (account_id, number) VALUES (1, '+15557770001');"
        u"INSERT INTO threads (id, account_id, customer_number, sender_number_id) "
        u"VALUES (1, 1, '+15557770001', 1);"
        u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
        u"status, provider_sid, created_at, updated_at) VALUES (1, 1, 'in', '+15557770001', "
        u"'+15550100001', 'hi', 'received', 'SM1', 1, 1);"
        u"INSERT INTO messages (account_id, thread_id, direction, from_number, to_number, body, "
        u"status, provider_sid, client_ref, created_at, updated_at) VALUES (1, 1, 'out', "
        u"'+15550100001', '+15557770001', 'hello', 'sent', 'SM2', 'ref-1', 1, 1);"_s));

    QSqlQuery query(db.connection());
    const bool ok = query.exec(duplicate);
    QCOMPARE(ok, accepted);
    if (!accepted) {
        const QString error = query.lastError().databaseText();
        QVERIFY2(error.contains(u"UNIQUE constraint failed: "_s + constraint), qPrintable(error));
    }
}

void TstDatabase::consentEventsAreAppendOnly()
{
    Database db(path());
    QVERIFY(db.open());
    const QSqlDatabase c = db.connection();
    QVERIFY(exec(c, u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom')"_s).isActive());
    QVERIFY(exec(c, u"INSERT INTO consent_events (account_id, contact_number, kind, source, "
                    u"detail, actor, occurred_at) VALUES (1, '+15557770001', 'opt_out', "
                    u"'keyword', 'STOP', 'system', 1)"_s)
                .isActive());

    QSqlQuery update(c);
    QVERIFY(!update.exec(u"UPDATE consent_events SET kind = 'opt_in'"_s));
    QVERIFY2(update.lastError().databaseText().contains(u"append-only"_s),
             qPrintable(update.lastError().text()));
    QSqlQuery remove(c);
    QVERIFY(!remove.exec(u"DELETE FROM consent_events"_s));
    QVERIFY(remove.lastError().databaseText().contains(u"append-only"_s));
    QCOMPARE(scalar(c, u"SELECT kind FROM consent_events"_s).toString(), u"opt_out"_s);

    // A later opt-in is a new event; the history stays.
    QVERIFY(exec(c, u"INSERT INTO consent_events (account_id, contact_number, kind, source, "
                    u"actor, occurred_at) VALUES (1, '+15557770001', 'opt_in', 'keyword', "
                    u"'system', 2)"_s)
                .isActive());
    QCOMPARE(scalar(c, u"SELECT count(*) FROM consent_events"_s).toInt(), 2);

    // The history goes only with its account.
    QVERIFY(exec(c, u"DELETE FROM accounts WHERE id = 1"_s).isActive());
    QCOMPARE(scalar(c, u"SELECT count(*) FROM consent_events"_s).toInt(), 0);
}

void TstDatabase::auditLogIsAppendOnly()
{
    Database db(path());
    QVERIFY(db.open());
    const QSqlDatabase c = db.connection();
    QVERIFY(exec(c, u"INSERT INTO audit_log (actor, action) VALUES ('sam', 'thread.resolve')"_s)
                .isActive());
    QSqlQuery query(c);
    QVERIFY(!query.exec(u"UPDATE audit_log SET actor = 'eve'"_s));
    QVERIFY(!query.exec(u"DELETE FROM audit_log"_s));
    QCOMPARE(scalar(c, u"SELECT actor FROM audit_log"_s).toString(), u"sam"_s);
}

void TstDatabase::ftsFollowsMessagesAndContacts()
{
    Database db(path());
    QVERIFY(db.open());
    const QSqlDatabase c = db.connection();
    RawConnection raw(path());
    QVERIFY(raw.runScript(
        u"INSERT INTO accounts (id, name) VALUES (1, 'Bloom'), (2, 'Bakery');"
        u"INSERT INTO sender_numbers (id, account_id, number, kind, throughput_mps) "
        u"VALUES (1, 1, '+15550100001', 'long_code', 1);"
        u"INSERT INTO contacts (account_id, number, name) VALUES (1, '+15557770001', 'Dana "
        u"Whitfield');"
        u"INSERT INTO threads (id, account_id, customer_number, sender_number_id) "
        u"VALUES (1, 1, '+15557770001', 1);"
        u"INSERT INTO messages (id, account_id, thread_id, direction, from_number, to_number, "
        u"body, status, provider_sid, created_at, updated_at) VALUES "
        u"(1, 1, 1, 'in', '+15557770001', '+15550100001', 'Is the crème brûlée ready?', "
        u"'received', 'SM1', 1, 1),"
        u"(2, 1, 1, 'out', '+15550100001', '+15557770001', 'Yes, pick up at noon', 'sent', "
        u"'SM2', 2, 2),"
        u"(3, 1, NULL, 'in', '+15557770002', '+15550100009', 'wrong number', 'received', "
        u"'SM3', 3, 3);"_s));
    QVERIFY(ftsConsistent(c));
    QCOMPARE(search(c, u"creme"_s), QStringList{u"1"_s}); // diacritics folded
    QCOMPARE(search(c, u"whitfield"_s), (QStringList{u"1"_s, u"2"_s}));
    QCOMPARE(search(c, u"wrong"_s), QStringList{u"3"_s});

    QVERIFY(exec(c, u"UPDATE messages SET body = 'Is the tart ready?' WHERE id = 1"_s).isActive());
    QVERIFY(search(c, u"creme"_s).isEmpty());
    QCOMPARE(search(c, u"tart"_s), QStringList{u"1"_s});
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"UPDATE contacts SET name = 'Dana Okafor'"_s).isActive());
    QVERIFY(search(c, u"whitfield"_s).isEmpty());
    QCOMPARE(search(c, u"okafor"_s), (QStringList{u"1"_s, u"2"_s}));
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"INSERT INTO contacts (account_id, number, name) "
                    u"VALUES (1, '+15557770002', 'Lee Marsh')"_s)
                .isActive());
    QCOMPARE(search(c, u"marsh"_s), QStringList{u"3"_s});
    QVERIFY(exec(c, u"UPDATE contacts SET number = '+15557770003' WHERE name = 'Lee Marsh'"_s)
                .isActive());
    QVERIFY(search(c, u"marsh"_s).isEmpty());
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"DELETE FROM messages WHERE id = 2"_s).isActive());
    QCOMPARE(search(c, u"okafor"_s), QStringList{u"1"_s});
    QVERIFY(ftsConsistent(c));

    QVERIFY(exec(c, u"DELETE FROM contacts WHERE name = 'Dana Okafor'"_s).isActive());
    QVERIFY(search(c, u"okafor"_s).isEmpty());
    QCOMPARE(search(c, u"tart"_s), QStringList{u"1"_s});
    QVERIFY(ftsConsistent(c));

    // Cascades from an account delete keep the index in step too.
    QVERIFY(exec(c, u"DELETE FROM accounts WHERE id = 1"_s).isActive());
    QCOMPARE(scalar(c, u"SELECT count(*) FROM messages"_s).toInt(), 0);
    QVERIFY(search(c, u"tart"_s).isEmpty());
    QVERIFY(ftsConsistent(c));
}

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
