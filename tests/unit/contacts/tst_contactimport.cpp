#include "AccountRows.h"
#include "ConsentRows.h"
#include "ContactImport.h"
#include "CsvReader.h"
#include "CsvTable.h"
#include "Database.h"
#include "PhoneNumber.h"
#include "StoreTestUtil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Field = ContactImport::Column::Field;

namespace {
const qint64 Now = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

CsvTable table(const QByteArray &csv)
{
    QString error;
    CsvTable t = CsvTable::parse(csv, &error);
    if (!error.isEmpty())
        qWarning("csv error: %s", qPrintable(error));
    return t;
}

ContactImport::Options options(bool validRows = false)
{
    ContactImport::Options o;
    o.actor = u"ana"_s;
    o.nowMs = Now;
    o.importValidRows = validRows;
    o.progressEvery = 2;
    return o;
}
} // namespace

class TstContactImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void csvQuoting_data();
    void csvQuoting();
    void csvErrors_data();
    void csvErrors();
    void csvRowNumbersCountEmbeddedLines();
    void guessMapping();
    void targets();
    void mappingErrors_data();
    void mappingErrors();
    void badRows_data();
    void badRows();
    void errorsImportNothing();
    void writeFailureImportsNothing();
    void validRowsOnRequest();
    void importsFieldsAndConsent();
    void reimportMergesAndKeepsConsentOnce();
    void progressReported();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    int count(const QString &table) const
    {
        // table is one of this test's literals, never data.
        return StoreTestUtil::scalar(db(), u"SELECT count(*) FROM "_s + table).toInt();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_account = 0;
    qint64 m_other = 0;
};

void TstContactImport::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"c.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(db());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
}

void TstContactImport::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"c.sqlite"_s));
}

void TstContactImport::csvQuoting_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QStringList>("firstRow");
    QTest::newRow("plain") << QByteArray("a,b\n1,2\n") << QStringList{u"1"_s, u"2"_s};
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n") << QStringList{u"1"_s, u"2"_s};
    QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << QStringList{u"1"_s, u"2"_s};
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "a,b\n1,2\n")
                         << QStringList{u"1"_s, u"2"_s};
    QTest::newRow("embedded comma")
        << QByteArray("a,b\n\"x, y\",2\n") << QStringList{u"x, y"_s, u"2"_s};
    QTest::newRow("embedded crlf")
        << QByteArray("a,b\r\n\"x\r\ny\",2\r\n") << QStringList{u"x\r\ny"_s, u"2"_s};
    QTest::newRow("doubled quote")
        << QByteArray("a,b\n\"say \"\"hi\"\"\",2\n") << QStringList{u"say \"hi\""_s, u"2"_s};
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << QStringList{u""_s, u""_s, u""_s};
    QTest::newRow("quoted empty") << QByteArray("a\n\"\"\n") << QStringList{u""_s};
    QTest::newRow("utf8") << QByteArray("a\nJos\xC3\xA9\n") << QStringList{u"Jos\u00e9"_s};
    QTest::newRow("blank line skipped")
        << QByteArray("a,b\n\n1,2\n") << QStringList{u"1"_s, u"2"_s};
}

void TstContactImport::csvQuoting()
{
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, firstRow);
    QString error;
    const CsvTable t = CsvTable::parse(csv, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(t.header.first(), u"a"_s);
    QCOMPARE(t.rows.size(), 1);
    QCOMPARE(t.rows.first(), firstRow);
}

void TstContactImport::csvErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");
    QTest::newRow("unclosed") << QByteArray("a\n1\n\"oops\n")
                              << u"row 3: a quoted field is never closed"_s;
    QTest::newRow("quote in unquoted")
        << QByteArray("a,b\n1,x\"y\n") << u"row 2: a quote inside unquoted field 2"_s;
    QTest::newRow("text after quote")
        << QByteArray("a\n\"x\"y\n") << u"row 2: text after a closing quote"_s;
    QTest::newRow("latin1") << QByteArray("a\nJos\xE9\n") << u"not UTF-8"_s;
    QTest::newRow("empty") << QByteArray("") << u"empty"_s;
}

void TstContactImport::csvErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);
    QString actual;
    CsvTable::parse(csv, &actual);
    QVERIFY2(actual.contains(error), qPrintable(actual));
}

void TstContactImport::csvRowNumbersCountEmbeddedLines()
{
    const CsvTable t = table("a,b\n1,\"two\nlines\"\n\n3,4\n");
    QCOMPARE(t.rowNumbers, (QList<int>{2, 5}));
}

void TstContactImport::guessMapping()
{
    const auto m = ContactImport::guessMapping({u"Phone Number"_s, u"Full Name"_s, u"Plan"_s,
                                                u"Tags"_s, u"Time zone"_s, u"Consent Source"_s,
                                                u"Opted in at"_s, u"Mobile"_s, u""_s});
    QCOMPARE(m.size(), 9);
    QCOMPARE(m.at(0).field, Field::Number);
    QCOMPARE(m.at(1).field, Field::Name);
    QCOMPARE(m.at(2), (ContactImport::Column{Field::Attribute, u"plan"_s}));
    QCOMPARE(m.at(3).field, Field::Tags);
    QCOMPARE(m.at(4).field, Field::TimeZone);
    QCOMPARE(m.at(5).field, Field::ConsentSource);
    QCOMPARE(m.at(6).field, Field::ConsentAt);
    // A second phone-like column is kept as an attribute rather than a second number.
    QCOMPARE(m.at(7), (ContactImport::Column{Field::Attribute, u"mobile"_s}));
    QCOMPARE(m.at(8).field, Field::Ignore);
}

void TstContactImport::targets()
{
    QString error;
    for (const QString &t : {u"number"_s, u"name"_s, u"attributes.plan"_s, u"tags"_s,
                             u"time_zone"_s, u"consent_source"_s, u"consent_at"_s, u"ignore"_s}) {
        const auto c = ContactImport::Column::fromTarget(t, &error);
        QVERIFY2(c, qPrintable(error));
        QCOMPARE(c->target(), t);
    }
    QVERIFY(!ContactImport::Column::fromTarget(u"email"_s, &error));
    QVERIFY(error.contains(u"unknown column target \"email\""_s));
    QVERIFY(!ContactImport::Column::fromTarget(u"attributes.1x"_s, &error));
}

void TstContactImport::mappingErrors_data()
{
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QString>("error");
    QTest::newRow("no number") << QStringList{u"name"_s, u"tags"_s}
                               << u"no column is mapped to the number"_s;
    QTest::newRow("two numbers") << QStringList{u"number"_s, u"number"_s}
                                 << u"two columns are mapped to number"_s;
    QTest::newRow("count") << QStringList{u"number"_s} << u"names 1 columns but the file has 2"_s;
}

void TstContactImport::mappingErrors()
{
    QFETCH(QStringList, targets);
    QFETCH(QString, error);
    QList<ContactImport::Column> mapping;
    QString e;
    for (const QString &t : targets)
        mapping << *ContactImport::Column::fromTarget(t, &e);
    const auto result =
        ContactImport::run(db(), m_account, table("a,b\n+14155550100,x\n"), mapping, options());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QVERIFY(!result.written);
    QCOMPARE(count(u"contacts"_s), 0);
}

void TstContactImport::badRows_data()
{
    QTest::addColumn<QByteArray>("row"); // number,name,time_zone,consent_source,consent_at
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("reason");
    const auto numberMessage = [](const QString &input) {
        return PhoneNumber::parse(input, u"US"_s).errorMessage;
    };
    QTest::newRow("too short") << QByteArray("415555013,A,,,") << u"number"_s
                               << numberMessage(u"415555013"_s);
    QTest::newRow("letters") << QByteArray("call me,A,,,") << u"number"_s
                             << numberMessage(u"call me"_s);
    QTest::newRow("empty number") << QByteArray(",A,,,") << u"number"_s << numberMessage(u""_s);
    QTest::newRow("short code") << QByteArray("12345,A,,,") << u"number"_s << u"short code"_s;
    QTest::newRow("bad zone") << QByteArray("+14155550100,A,Mars/Olympus,,") << u"time_zone"_s
                              << u"unknown time zone 'Mars/Olympus'"_s;
    QTest::newRow("bad timestamp") << QByteArray("+14155550100,A,,web,last tuesday")
                                   << u"consent_at"_s << u"'last tuesday' is not a timestamp"_s;
    QTest::newRow("no offset") << QByteArray("+14155550100,A,,web,2026-01-02T10:00:00")
                               << u"consent_at"_s << u"has no time zone"_s;
    QTest::newRow("future") << QByteArray("+14155550100,A,,web,2027-01-02T10:00:00Z")
                            << u"consent_at"_s << u"is in the future"_s;
    QTest::newRow("source without time") << QByteArray("+14155550100,A,,web,") << u"consent_at"_s
                                         << u"needs the time consent was given"_s;
    QTest::newRow("extra cell") << QByteArray("+14155550100,A,,,,surprise") << u"column 6"_s
                                << u"unknown column"_s;
    QTest::newRow("duplicate") << QByteArray("(415) 555-0111,B,,,") << u"number"_s
                               << u"+14155550111 is already on row 2"_s;
}

void TstContactImport::badRows()
{
    QFETCH(QByteArray, row);
    QFETCH(QString, column);
    QFETCH(QString, reason);
    const QByteArray csv = "number,name,time_zone,consent_source,consent_at\n"
                           "+14155550111,Good,America/Chicago,,\n" +
                           row + "\n";
    const CsvTable t = table(csv);
    QList<ContactImport::RowError> errors;
    const auto contacts =
        ContactImport::check(t, ContactImport::guessMapping(t.header), options(), &errors);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().row, 3);
    QCOMPARE(errors.first().column, column);
    QVERIFY2(errors.first().reason.contains(reason),
             qPrintable(errors.first().reason + u" / expected: "_s + reason));
    QCOMPARE(contacts.size(), 1);
    QCOMPARE(contacts.first().number, u"+14155550111"_s);
}

void TstContactImport::errorsImportNothing()
{
    const CsvTable t = table("number,name\n+14155550111,Ann\nnope,Bob\n+14155550112,Cy\n");
    const auto result = ContactImport::run(db(), m_account, t,
                                           ContactImport::guessMapping(t.header), options(false));
    QVERIFY(!result.written);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().row, 3);
    QVERIFY(result.error.contains(u"nothing was imported"_s));
    QCOMPARE(result.inserted, 0);
    QCOMPARE(count(u"contacts"_s), 0);
}

// The store refusing a row halfway through the write undoes the rows and consent before it.
void TstContactImport::writeFailureImportsNothing()
{
    QSqlQuery trigger(db());
    QVERIFY(
        trigger.exec(u"CREATE TEMP TRIGGER refuse BEFORE INSERT ON contacts WHEN "
                     u"NEW.number = '+14155550113' BEGIN SELECT RAISE(ABORT, 'refused'); END"_s));
    const CsvTable t = table("number,name,consent source,consent at\n"
                             "+14155550111,Ann,form,2026-03-01T09:30:00Z\n"
                             "+14155550112,Bob,form,2026-03-01T09:30:00Z\n"
                             "+14155550113,Cy,form,2026-03-01T09:30:00Z\n");
    const auto result = ContactImport::run(db(), m_account, t,
                                           ContactImport::guessMapping(t.header), options(false));
    QVERIFY(trigger.exec(u"DROP TRIGGER refuse"_s));
    QVERIFY(!result.written);
    QVERIFY2(result.error.startsWith(u"row 4: "_s), qPrintable(result.error));
    QVERIFY2(result.error.contains(u"refused"_s), qPrintable(result.error));
    QCOMPARE(result.inserted, 0);
    QCOMPARE(result.consentEvents, 0);
    QCOMPARE(count(u"contacts"_s), 0);
    QCOMPARE(count(u"consent_events"_s), 0);
}

void TstContactImport::validRowsOnRequest()
{
    const CsvTable t = table("number,name\n+14155550111,Ann\nnope,Bob\n+14155550112,Cy\n");
    const auto result = ContactImport::run(db(), m_account, t,
                                           ContactImport::guessMapping(t.header), options(true));
    QVERIFY2(result.written, qPrintable(result.error));
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.inserted, 2);
    QCOMPARE(StoreTestUtil::rows(db(), u"SELECT number, name FROM contacts ORDER BY number"_s),
             (QStringList{u"+14155550111|Ann"_s, u"+14155550112|Cy"_s}));
}

void TstContactImport::importsFieldsAndConsent()
{
    const CsvTable t =
        table("Phone,Name,Plan,Tags,TZ,Consent source,Consent at\r\n"
              "\"(415) 555-0111\",\"Rossi, Sofia\",gold,\"vip; florist\",Europe/Rome,"
              "spring form,2026-03-01T09:30:00+01:00\r\n"
              "+14155550112,Ben,,,,,\r\n");
    const auto result =
        ContactImport::run(db(), m_account, t, ContactImport::guessMapping(t.header), options());
    QVERIFY2(result.written, qPrintable(result.error));
    QCOMPARE(result.inserted, 2);
    QCOMPARE(result.consentEvents, 1);
    QCOMPARE(
        StoreTestUtil::rows(db(), u"SELECT account_id, number, name, attributes, tags, time_zone "
                                  u"FROM contacts ORDER BY number"_s),
        (QStringList{
            u"%1|+14155550111|Rossi, Sofia|{\"plan\":\"gold\"}|[\"vip\",\"florist\"]|Europe/Rome"_s
                .arg(m_account),
            u"%1|+14155550112|Ben|{}|[]|"_s.arg(m_account)}));
    ConsentRows consent(db());
    const auto events = consent.eventsFor(m_account, u"+14155550111"_s);
    QVERIFY(events);
    QCOMPARE(events->size(), 1);
    QCOMPARE(events->first().kind, ConsentEvent::Kind::OptIn);
    QCOMPARE(events->first().source, ConsentEvent::Source::Import);
    QCOMPARE(events->first().detail, u"spring form"_s);
    QCOMPARE(events->first().actor, u"ana"_s);
    QCOMPARE(events->first().occurredAt, QDateTime(QDate(2026, 3, 1), QTime(8, 30), Qt::UTC));
    QVERIFY(consent.eventsFor(m_other, u"+14155550111"_s)->isEmpty());
}

void TstContactImport::reimportMergesAndKeepsConsentOnce()
{
    const QByteArray first =
        "number,name,plan,tags,consent_at\n+14155550111,Ann,gold,a,2026-01-01T00:00:00Z\n";
    const QByteArray second =
        "number,name,city,tags,consent_at\n+14155550111,,Rome,b,2026-01-01T00:00:00Z\n";
    for (const QByteArray &csv : {first, second}) {
        const CsvTable t = table(csv);
        const auto r = ContactImport::run(db(), m_account, t, ContactImport::guessMapping(t.header),
                                          options());
        QVERIFY2(r.written, qPrintable(r.error));
    }
    QCOMPARE(StoreTestUtil::rows(db(), u"SELECT name, attributes, tags FROM contacts"_s),
             QStringList{u"Ann|{\"plan\":\"gold\",\"city\":\"Rome\"}|[\"a\",\"b\"]"_s});
    QCOMPARE(count(u"consent_events"_s), 1);
    // The same number in another account is another contact.
    const CsvTable t = table(first);
    const auto r =
        ContactImport::run(db(), m_other, t, ContactImport::guessMapping(t.header), options());
    QCOMPARE(r.inserted, 1);
    QCOMPARE(count(u"contacts"_s), 2);
}

void TstContactImport::progressReported()
{
    QByteArray csv = "number\n";
    for (int i = 0; i < 5; ++i)
        csv += "+1415555010" + QByteArray::number(i) + "\n";
    const CsvTable t = table(csv);
    QList<std::tuple<int, qint64, qint64>> calls;
    const auto record = [&](const ContactImport::Progressed &p) {
        calls.append({p.rows, p.bytesRead, p.bytesTotal});
    };
    const auto r = ContactImport::run(db(), m_account, t, ContactImport::guessMapping(t.header),
                                      options(), record);
    QVERIFY(r.written);
    // A table counts rows as its "bytes".
    QCOMPARE(calls, (QList<std::tuple<int, qint64, qint64>>{{2, 2, 5}, {4, 4, 5}, {5, 5, 5}}));

    // Streamed: the file's bytes, read as the rows go.
    calls.clear();
    CsvReader reader(csv);
    QVERIFY(reader.readHeader());
    const auto streamed = ContactImport::run(
        db(), m_other, reader, ContactImport::guessMapping(reader.header()), options(), record);
    QVERIFY(streamed.written);
    QCOMPARE(calls.size(), 3);
    QCOMPARE(std::get<0>(calls.last()), 5);
    QCOMPARE(std::get<1>(calls.last()), qint64(csv.size()));
    QCOMPARE(std::get<2>(calls.last()), qint64(csv.size()));
}

QTEST_GUILESS_MAIN(TstContactImport)
#include "tst_contactimport.moc"
