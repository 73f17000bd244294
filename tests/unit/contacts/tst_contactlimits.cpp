// Contact field limits at every entry point: the CSV import (names, tags, attributes, time
// zones, consent columns, NUL and other control characters), the consent opt-in import, the
// team log's contact.put, and the column names an import maps (first/last name, email,
// company) as templates read them. Also: a streamed import is still all-or-nothing.
#include "AccountRows.h"
#include "ConsentCsv.h"
#include "ContactImport.h"
#include "ContactLimits.h"
#include "ContactOpApplier.h"
#include "ContactValues.h"
#include "CsvReader.h"
#include "CsvTable.h"
#include "Database.h"
#include "StoreTestUtil.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Field = ContactImport::Column::Field;

namespace {

const qint64 Now = QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

ContactImport::Options options(bool validRows = false)
{
    ContactImport::Options o;
    o.actor = u"ana"_s;
    o.nowMs = Now;
    o.importValidRows = validRows;
    return o;
}

// A literal with its NULs.
template<qsizetype N>
QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

} // namespace

class TstContactLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void controlCharacters();
    void fieldRefusals_data();
    void fieldRefusals();
    void fieldsAtTheirLimitsImport();
    void tooManyAttributes();
    void longAttributeNameIsAMappingError();
    void duplicateHeaderRefusesTheImport();
    void consentCopyLimits();
    void teamLogSkipsHostileContacts();
    void commonColumnsMapToFields();
    void streamedImportIsAllOrNothing();
    void readErrorHalfWayKeepsNothing();
    void mergedTagsAndAttributesKeepTheirLimits();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    int contacts() const
    {
        return StoreTestUtil::scalar(db(), u"SELECT count(*) FROM contacts"_s).toInt();
    }
    ContactImport::Result import(const QByteArray &csv, bool validRows = false)
    {
        QString error;
        const CsvTable t = CsvTable::parse(csv, &error);
        if (!error.isEmpty()) {
            ContactImport::Result r;
            r.error = error;
            return r;
        }
        return ContactImport::run(db(), m_account, t, ContactImport::guessMapping(t.header),
                                  options(validRows));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_account = 0;
};

void TstContactLimits::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"c.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    m_account = AccountRows(db()).createOrFind(u"Acme"_s, u"AC1"_s);
}

void TstContactLimits::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"c.sqlite"_s));
}

void TstContactLimits::controlCharacters()
{
    using ContactLimits::controlCharacter;
    QCOMPARE(controlCharacter(u"Kate"_s), -1);
    QCOMPARE(controlCharacter(QStringView(u"Ka\0te", 5).toString()), 2);
    QCOMPARE(controlCharacter(u"a\u007fb"_s), 1);
    QCOMPARE(controlCharacter(u"a\u0085b"_s), 1); // C1 next line
    QCOMPARE(controlCharacter(u"two\nlines"_s), 3);
    QCOMPARE(controlCharacter(u"two\r\nlines\tand a tab"_s, true), -1);
    QCOMPARE(controlCharacter(u"bell\u0007"_s, true), 4);
    QCOMPARE(controlCharacter(u"Jos\u00e9 \U0001F600"_s), -1);
}

void TstContactLimits::fieldRefusals_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("reason");
    const QByteArray number = "+14155550101";
    QTest::newRow("NUL in a name")
        << "number,name\n" + number + bytes(",Ka\0te\n") << u"name"_s
        << u"the name holds a control character (U+0000) at character 3: control characters "
           u"are not allowed"_s;
    QTest::newRow("escape in a name") << "number,name\n" + number + ",\"\x1b[31mKate\"\n"
                                      << u"name"_s
                                      << u"the name holds a control character "
                                         u"(U+001b) at character 1: control "
                                         u"characters are not allowed"_s;
    QTest::newRow("long name") << "number,name\n" + number + ',' + QByteArray(257, 'k') + '\n'
                               << u"name"_s << u"the name is 257 characters long, at most 256"_s;
    QTest::newRow("long first name")
        << "number,first name\n" + number + ',' + QByteArray(300, 'k') + '\n'
        << u"first name"_s << u"the first name is 300 characters long, at most 256"_s;
    QTest::newRow("NUL in a tag") << "number,tags\n" + number + bytes(",vip;n\0o\n") << u"tags"_s
                                  << u"tag 'n?o' holds a control character (U+0000) at "
                                     u"character 2: control characters are not allowed"_s;
    QTest::newRow("long tag") << "number,tags\n" + number + ",vip;" + QByteArray(65, 't') + '\n'
                              << u"tags"_s
                              << u"tag '" + QString(40, u't') +
                                     u"…' is 65 characters long, at most 64"_s;
    QByteArray tags;
    for (int i = 0; i < 51; ++i)
        tags += "t" + QByteArray::number(i) + ';';
    QTest::newRow("51 tags") << "number,tags\n" + number + ',' + tags + '\n'
                             << u"tags"_s << u"51 tags, at most 50"_s;
    QTest::newRow("long attribute value")
        << "number,plan\n" + number + ',' + QByteArray(1025, 'p') + '\n'
        << u"plan"_s << u"attribute 'plan' is 1025 characters long, at most 1024"_s;
    QTest::newRow("bell in an attribute value")
        << "number,plan\n" + number + ",gold\x07\n"
        << u"plan"_s
        << u"attribute 'plan' holds a control character (U+0007) at character 5: control "
           u"characters are not allowed"_s;
    QTest::newRow("long time zone")
        << "number,tz\n" + number + ',' + QByteArray(65, 'z') + '\n'
        << u"tz"_s << u"the time zone is 65 characters long, at most 64"_s;
    QTest::newRow("tab in a consent source")
        << "number,consent source,consent at\n" + number + ",\"a\tb\",2026-01-01T00:00:00Z\n"
        << u"consent source"_s
        << u"the consent source holds a control character (U+0009) at character 2: control "
           u"characters are not allowed"_s;
    QTest::newRow("long consent source")
        << "number,consent source,consent at\n" + number + ',' + QByteArray(257, 's') +
               ",2026-01-01T00:00:00Z\n"
        << u"consent source"_s << u"the consent source is 257 characters long, at most 256"_s;
}

void TstContactLimits::fieldRefusals()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, column);
    QFETCH(QString, reason);
    const ContactImport::Result r = import(csv);
    QVERIFY2(!r.written, qPrintable(r.error));
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().row, 2);
    QCOMPARE(r.errors.first().column, column);
    QCOMPARE(r.errors.first().reason, reason);
    QCOMPARE(r.badRows, 1);
    QCOMPARE(r.error, u"1 rows have errors: nothing was imported"_s);
    QCOMPARE(contacts(), 0);
}

void TstContactLimits::fieldsAtTheirLimitsImport()
{
    QByteArray tags;
    for (int i = 0; i < 50; ++i)
        tags += QByteArray(62, 't') + QByteArray::number(10 + i) + ';';
    const QByteArray csv = "number,name,tags,notes\n+14155550101," + QByteArray(256, 'n') + ',' +
                           tags + ",\"" + QByteArray(1000, 'a') + "\nsecond line\"\n";
    const ContactImport::Result r = import(csv);
    QVERIFY2(r.written,
             qPrintable(r.error + (r.errors.isEmpty() ? QString() : r.errors.first().reason)));
    QCOMPARE(StoreTestUtil::scalar(db(), u"SELECT length(name) FROM contacts"_s).toInt(), 256);
    QCOMPARE(StoreTestUtil::scalar(db(), u"SELECT json_array_length(tags) FROM contacts"_s).toInt(),
             50);
}

void TstContactLimits::tooManyAttributes()
{
    QByteArray header = "number";
    QByteArray row = "+14155550101";
    for (int i = 0; i < ContactLimits::MaxAttributes + 1; ++i) {
        header += ",a" + QByteArray::number(i);
        row += ",v";
    }
    const ContactImport::Result r = import(header + '\n' + row + '\n');
    QCOMPARE(r.errors.size(), 1);
    QCOMPARE(r.errors.first().reason, u"101 attributes, at most 100"_s);
    QCOMPARE(contacts(), 0);
}

void TstContactLimits::longAttributeNameIsAMappingError()
{
    const QByteArray key(65, 'k');
    const ContactImport::Result r = import("number," + key + "\n+14155550101,v\n");
    QVERIFY(!r.written);
    QCOMPARE(r.error, u"\"%1\" is no attribute name"_s.arg(QString::fromLatin1(key)));
    QString error;
    QVERIFY(
        !ContactImport::Column::fromTarget(u"attributes."_s + QString::fromLatin1(key), &error));
    QVERIFY2(error.contains(u"at most 64"_s), qPrintable(error));
    QVERIFY(ContactImport::Column::fromTarget(u"attributes."_s + QString(64, u'k'), &error));
}

void TstContactLimits::duplicateHeaderRefusesTheImport()
{
    const ContactImport::Result r = import("number,Number,name\n+14155550101,+14155550102,Kate\n");
    QVERIFY(!r.written);
    QCOMPARE(r.error, u"row 1: the column \"Number\" appears twice (columns 1 and 2); each column "
                      u"needs its own name"_s);
    QCOMPARE(contacts(), 0);
}

void TstContactLimits::consentCopyLimits()
{
    const QString header = u"number,occurred_at,opt_in_copy\n"_s;
    const QString row = u"+14155550142,2026-11-20T09:00:00Z,"_s;
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(Now, Qt::UTC);
    // Several lines are fine; a bell is not.
    auto parsed = ConsentCsv::parseOptIns(header + row + u"\"Join!\r\nReply STOP\"\n"_s, u"a"_s,
                                          u"US"_s, now);
    QVERIFY(parsed.errors.isEmpty());
    parsed = ConsentCsv::parseOptIns(header + row + u"Join\u0007\n"_s, u"a"_s, u"US"_s, now);
    QCOMPARE(parsed.errors.size(), 1);
    QCOMPARE(parsed.errors.first().line, 2);
    QVERIFY2(parsed.errors.first().message.startsWith(u"opt_in_copy holds a control character"_s),
             qPrintable(parsed.errors.first().message));
    // Past the reader's field cap (the copy's own cap is the same 4,096).
    parsed = ConsentCsv::parseOptIns(header + row + QString(5 * 1024 * 1024, u'c') + u'\n', u"a"_s,
                                     u"US"_s, now);
    QCOMPARE(parsed.errors.size(), 1);
    QCOMPARE(parsed.errors.first().message,
             u"row 2, column opt_in_copy: a field longer than 4096 characters, the most a field "
             u"may hold"_s);
    // The consent import's header is read by the same reader: no column twice.
    parsed = ConsentCsv::parseOptIns(u"number,occurred_at,NUMBER\n"_s, u"a"_s, u"US"_s, now);
    QCOMPARE(parsed.errors.size(), 1);
    QVERIFY(parsed.errors.first().message.contains(u"appears twice"_s));
}

void TstContactLimits::teamLogSkipsHostileContacts()
{
    TeamOp op;
    op.id = u"op-1"_s;
    op.kind = ContactOpApplier::kind();
    QJsonObject entries;
    entries.insert(u"+14155550101"_s,
                   QJsonObject{{u"name"_s, QStringView(u"Ka\0te", 5).toString()}});
    entries.insert(u"+14155550102"_s, QJsonObject{{u"name"_s, QString(300, u'n')}});
    entries.insert(u"+14155550103"_s,
                   QJsonObject{{u"attributes"_s, QJsonObject{{QString(65, u'k'), u"v"_s}}}});
    entries.insert(u"+14155550104"_s,
                   QJsonObject{{u"tags"_s, QJsonArray{u"ok"_s, u"bad\u0001"_s}}});
    entries.insert(u"+14155550105"_s, QJsonObject{{u"name"_s, u"Kate"_s}});
    op.fields.insert(u"contacts"_s, entries);
    ContactOpApplier applier(db());
    const auto outcome = applier.apply(m_account, op, TeamOpApplier::Origin::Log);
    QVERIFY2(outcome, qPrintable(applier.errorString()));
    QCOMPARE(*outcome, TeamOpApplier::Outcome::Applied);
    // Only the good entry is stored; the others are skipped whole.
    QCOMPARE(StoreTestUtil::rows(db(), u"SELECT number, name FROM contacts"_s),
             QStringList{u"+14155550105|Kate"_s});

    // An op whose every entry is hostile is not one this desktop can apply.
    op.id = u"op-2"_s;
    entries.remove(u"+14155550105"_s);
    op.fields.insert(u"contacts"_s, entries);
    QCOMPARE(*applier.apply(m_account, op, TeamOpApplier::Origin::Log),
             TeamOpApplier::Outcome::NotApplicable);
}

void TstContactLimits::commonColumnsMapToFields()
{
    const QStringList header{u"First Name"_s, u"Last Name"_s, u"E-mail"_s,       u"Company Name"_s,
                             u"Phone"_s,      u"Time Zone"_s, u"Email Address"_s};
    const QList<ContactImport::Column> m = ContactImport::guessMapping(header);
    QCOMPARE(m.at(0), (ContactImport::Column{Field::FirstName, {}}));
    QCOMPARE(m.at(1), (ContactImport::Column{Field::LastName, {}}));
    QCOMPARE(m.at(2), (ContactImport::Column{Field::Attribute, u"email"_s}));
    QCOMPARE(m.at(3), (ContactImport::Column{Field::Attribute, u"company"_s}));
    QCOMPARE(m.at(4), (ContactImport::Column{Field::Number, {}}));
    QCOMPARE(m.at(5), (ContactImport::Column{Field::TimeZone, {}}));
    QCOMPARE(m.at(6), (ContactImport::Column{Field::Ignore, {}})); // a second email column
    QString error;
    QCOMPARE(ContactImport::Column::fromTarget(u"first_name"_s, &error),
             (ContactImport::Column{Field::FirstName, {}}));

    const ContactImport::Result r = import("first_name,last_name,email,company,phone\n"
                                           "Mary Ann,Lee,mal@example.com,Bloom,+14155550101\n"
                                           ",Solo,,,+14155550102\n");
    QVERIFY2(r.written, qPrintable(r.error));
    QCOMPARE(StoreTestUtil::rows(db(), u"SELECT number, name FROM contacts ORDER BY number"_s),
             (QStringList{u"+14155550101|Mary Ann Lee"_s, u"+14155550102|Solo"_s}));
    const QString attributes =
        StoreTestUtil::scalar(db(), u"SELECT attributes FROM contacts WHERE number = "
                                    u"'+14155550101'"_s)
            .toString();
    // What a template reads: {{first_name}} is the column, not the name's first word.
    const QHash<QString, QString> values =
        ContactValues::forContact(u"Mary Ann Lee"_s, u"+14155550101"_s, attributes);
    QCOMPARE(values.value(u"first_name"_s), u"Mary Ann"_s);
    QCOMPARE(values.value(u"last_name"_s), u"Lee"_s);
    QCOMPARE(values.value(u"name"_s), u"Mary Ann Lee"_s);
    QCOMPARE(values.value(u"email"_s), u"mal@example.com"_s);
    QCOMPARE(values.value(u"company"_s), u"Bloom"_s);
    // Without those attributes the name is split as before.
    QCOMPARE(ContactValues::forContact(u"Mary Ann Lee"_s, u"+1"_s, u"{}"_s).value(u"first_name"_s),
             u"Mary"_s);
}

void TstContactLimits::streamedImportIsAllOrNothing()
{
    QByteArray csv = "number,name\n";
    for (int i = 0; i < 5000; ++i)
        csv += "+1415" + QByteArray::number(2000000 + i) + ",Kate " + QByteArray::number(i) + '\n';
    const QByteArray bad = csv + "+14155550101,\"Ka\x01te\"\n";
    CsvReader reader(bad);
    QVERIFY(reader.readHeader());
    ContactImport::Result r = ContactImport::run(
        db(), m_account, reader, ContactImport::guessMapping(reader.header()), options());
    QVERIFY(!r.written);
    QCOMPARE(r.rows, 5001);
    QCOMPARE(r.badRows, 1);
    QCOMPARE(r.errors.first().row, 5002);
    QCOMPARE(contacts(), 0);

    // The valid rows on request, streamed too.
    CsvReader again(bad);
    QVERIFY(again.readHeader());
    r = ContactImport::run(db(), m_account, again, ContactImport::guessMapping(again.header()),
                           options(true));
    QVERIFY(r.written);
    QCOMPARE(r.inserted, 5000);
    QCOMPARE(contacts(), 5000);

    // A re-import updates: told apart by counting, not by holding every number.
    CsvReader third(csv);
    QVERIFY(third.readHeader());
    r = ContactImport::run(db(), m_account, third, ContactImport::guessMapping(third.header()),
                           options());
    QVERIFY(r.written);
    QCOMPARE(r.inserted, 0);
    QCOMPARE(r.updated, 5000);
}

void TstContactLimits::readErrorHalfWayKeepsNothing()
{
    QByteArray csv = "number,name\n";
    for (int i = 0; i < 3000; ++i)
        csv += "+1415" + QByteArray::number(2000000 + i) + ",Kate\n";
    csv += "+14155550101,\"never closed\n";
    CsvReader reader(csv);
    QVERIFY(reader.readHeader());
    const ContactImport::Result r = ContactImport::run(
        db(), m_account, reader, ContactImport::guessMapping(reader.header()), options());
    QVERIFY(!r.written);
    QCOMPARE(r.error, u"row 3002: a quoted field is never closed"_s);
    QCOMPARE(contacts(), 0);
}

// Each row is checked alone; a re-import merges tags and attributes into what the contact has,
// so the merged counts are checked too, and a row past them keeps nothing.
void TstContactLimits::mergedTagsAndAttributesKeepTheirLimits()
{
    const auto tags = [](int from, int count) -> QByteArray {
        QByteArrayList list;
        for (int i = from; i < from + count; ++i)
            list << "t" + QByteArray::number(i);
        return list.join(';');
    };
    const int half = ContactLimits::MaxTags / 2 + 5;
    QVERIFY(import("number,tags\n+14155550101," + tags(0, half) + '\n').written);
    ContactImport::Result r =
        import("number,name,tags\n+14155550102,Bo,x\n+14155550101,Al," + tags(half, half) + '\n');
    QVERIFY(!r.written);
    QCOMPARE(r.error, u"row 3: with the tags +14155550101 already has, it would have %1 tags "
                      u"(at most %2)"_s.arg(2 * half)
                          .arg(ContactLimits::MaxTags));
    QCOMPARE(contacts(), 1);
    QCOMPARE(StoreTestUtil::scalar(db(), u"SELECT json_array_length(tags) FROM contacts"_s).toInt(),
             half);
    // Tags it already has do not count twice.
    QVERIFY(import("number,tags\n+14155550101," + tags(1, half) + '\n').written);

    const int attributes = ContactLimits::MaxAttributes / 2 + 1;
    const auto columns = [](int from, int count) -> QByteArray {
        QByteArray header = "number";
        QByteArray row = "+14155550103";
        for (int i = from; i < from + count; ++i) {
            header += ",a" + QByteArray::number(i);
            row += ",v";
        }
        return header + '\n' + row + '\n';
    };
    QVERIFY(import(columns(0, attributes)).written);
    r = import(columns(attributes, attributes));
    QVERIFY(!r.written);
    QCOMPARE(r.error, u"row 2: with the attributes +14155550103 already has, it would have %1 "
                      u"attributes (at most %2)"_s.arg(2 * attributes)
                          .arg(ContactLimits::MaxAttributes));
    QCOMPARE(StoreTestUtil::scalar(db(),
                                   u"SELECT count(*) FROM contacts c, json_each(c.attributes) "
                                   u"WHERE c.number = '+14155550103'"_s)
                 .toInt(),
             attributes);
}

QTEST_GUILESS_MAIN(TstContactLimits)
#include "tst_contactlimits.moc"
