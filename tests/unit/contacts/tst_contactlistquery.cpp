// ContactListQuery: keyset pages of 3,000 contacts cover each contact once in every sort order,
// in order, and search finds names, numbers and tags with '%' and '_' taken literally.
#include "AccountRows.h"
#include "ContactListQuery.h"
#include "Database.h"
#include "StoreTestUtil.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;
using Sort = ContactListQuery::Sort;

namespace {
constexpr int Count = 3000;

QString numberOf(int i)
{
    return u"+1415555%1"_s.arg(i, 4, 10, QChar(u'0'));
}
} // namespace

class TstContactListQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesCoverEveryContactOnce_data();
    void pagesCoverEveryContactOnce();
    void nameOrderPutsUnnamedLast();
    void lastMessageNewestFirst();
    void searchByNameNumberTag();
    void searchTakesWildcardsLiterally();
    void otherAccountsAreNotListed();
    void aContactAddedMidwayDoesNotShiftPages();

private:
    QList<ContactListQuery::Row> all(Sort sort, bool descending, const QString &search = {},
                                     int limit = 200);
    QSqlDatabase db() const { return m_db->connection(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_account = 0;
    qint64 m_other = 0;
};

void TstContactListQuery::initTestCase()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"a.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(db());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    const qint64 sender = accounts.createOrFindSenderNumber(m_account, u"+15550100001"_s, 1.0);
    const qint64 second = accounts.createOrFindSenderNumber(m_account, u"+15550100002"_s, 1.0);
    QVERIFY(sender > 0 && second > 0);
    QVERIFY(db().transaction());
    for (int i = 0; i < Count; ++i) {
        // Names repeat (so the number breaks ties), every tenth is unnamed, cases mix.
        const QString name = i % 10 == 0 ? u""_s : (i % 2 ? u"ana %1"_s : u"Bob %1"_s).arg(i % 97);
        const QString tags = i % 3 == 0 ? u"[\"vip\"]"_s : u"[]"_s;
        QVERIFY(exec(db(),
                     u"INSERT INTO contacts (account_id, number, name, tags) "
                     u"VALUES (?, ?, ?, ?)"_s,
                     {m_account, numberOf(i), name, tags})
                    .isActive());
        // Every seventh has threads; with both our numbers for some.
        if (i % 7 == 0) {
            exec(db(),
                 u"INSERT INTO threads (account_id, customer_number, sender_number_id, "
                 u"last_message_at) VALUES (?, ?, ?, ?)"_s,
                 {m_account, numberOf(i), sender, 1000 + i});
            if (i % 14 == 0)
                exec(db(),
                     u"INSERT INTO threads (account_id, customer_number, sender_number_id, "
                     u"last_message_at) VALUES (?, ?, ?, ?)"_s,
                     {m_account, numberOf(i), second, 100000 + i});
        }
    }
    exec(db(),
         u"INSERT INTO contacts (account_id, number, name, tags) VALUES "
         u"(?, '+14155559990', '100% Pure_Co', '[\"a_b\"]'), "
         u"(?, '+14155559991', '100 Purex', '[\"axb\"]')"_s,
         {m_account, m_account});
    exec(db(),
         u"INSERT INTO contacts (account_id, number, name) VALUES (?, '+14155550001', "
         u"'Hidden')"_s,
         {m_other});
    QVERIFY(db().commit());
}

QList<ContactListQuery::Row> TstContactListQuery::all(Sort sort, bool descending,
                                                      const QString &search, int limit)
{
    ContactListQuery query(db());
    ContactListQuery::Request request{m_account, search, sort, descending, {}, limit};
    QList<ContactListQuery::Row> rows;
    for (int pages = 0; pages < 1000; ++pages) {
        const auto page = query.page(request);
        if (!page) {
            qWarning("%s", qPrintable(query.errorString()));
            return {};
        }
        rows += page->rows;
        if (page->atEnd)
            return rows;
        request.after = page->next;
    }
    return {};
}

void TstContactListQuery::pagesCoverEveryContactOnce_data()
{
    QTest::addColumn<Sort>("sort");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("limit");
    QTest::newRow("name") << Sort::Name << false << 200;
    QTest::newRow("name desc") << Sort::Name << true << 200;
    QTest::newRow("number") << Sort::Number << false << 200;
    QTest::newRow("number desc, odd page") << Sort::Number << true << 37;
    QTest::newRow("last message") << Sort::LastMessage << false << 200;
    QTest::newRow("last message desc") << Sort::LastMessage << true << 201;
}

void TstContactListQuery::pagesCoverEveryContactOnce()
{
    QFETCH(Sort, sort);
    QFETCH(bool, descending);
    QFETCH(int, limit);
    const auto rows = all(sort, descending, {}, limit);
    QCOMPARE(rows.size(), Count + 2);
    QSet<QString> seen;
    for (const auto &row : rows)
        seen.insert(row.number);
    QCOMPARE(seen.size(), Count + 2);
    // In order: each row's key against the next, as the UI shows it.
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const auto &a = descending ? rows[i] : rows[i - 1];
        const auto &b = descending ? rows[i - 1] : rows[i];
        bool ordered = false;
        if (sort == Sort::Number) {
            ordered = a.number < b.number;
        } else if (sort == Sort::LastMessage) {
            ordered = a.lastMessageAt > b.lastMessageAt ||
                      (a.lastMessageAt == b.lastMessageAt && a.number < b.number);
        } else {
            const int byName = a.name.isEmpty() != b.name.isEmpty()
                                   ? (a.name.isEmpty() ? 1 : -1)
                                   : a.name.compare(b.name, Qt::CaseInsensitive);
            ordered = byName < 0 || (byName == 0 && a.number < b.number);
        }
        QVERIFY2(ordered, qPrintable(u"%1 then %2"_s.arg(rows[i - 1].number, rows[i].number)));
    }
}

void TstContactListQuery::nameOrderPutsUnnamedLast()
{
    const auto rows = all(Sort::Name, false);
    QCOMPARE(rows.first().name, u"100 Purex"_s);
    QVERIFY(rows.last().name.isEmpty());
    QCOMPARE(rows.last().number, numberOf(2990));
}

void TstContactListQuery::lastMessageNewestFirst()
{
    const auto rows = all(Sort::LastMessage, false);
    // 2996 is the last multiple of 14 under 3000: its thread with our second number is newest.
    QCOMPARE(rows.first().number, numberOf(2996));
    QCOMPARE(rows.first().lastMessageAt, qint64(100000 + 2996));
    QCOMPARE(rows[1].number, numberOf(2982));
    QCOMPARE(rows.last().lastMessageAt, qint64(0));
}

void TstContactListQuery::searchByNameNumberTag()
{
    ContactListQuery query(db());
    const auto count = [&](const QString &search) {
        return query.count({m_account, search, Sort::Name, false, {}, 200});
    };
    // Names "ana 5" for odd i with i % 97 == 5; "ANA 5" matches case-insensitively and finds
    // "ana 5x" too.
    const auto ana5 = all(Sort::Name, false, u"ANA 5"_s);
    QVERIFY(!ana5.isEmpty());
    for (const auto &row : ana5)
        QVERIFY2(row.name.startsWith(u"ana 5"_s), qPrintable(row.name));
    QCOMPARE(count(u"ANA 5"_s), int(ana5.size()));
    QCOMPARE(count(u"vip"_s), Count / 3);
    QCOMPARE(all(Sort::Number, false, u"vip"_s).size(), Count / 3);
    QCOMPARE(count(u"5550123"_s), 1);
    // Typed as a person writes it: digits compared.
    QCOMPARE(count(u"(415) 555-0123"_s), 1);
    QCOMPARE(count(u"  "_s), Count + 2);
    QCOMPARE(count(u"nobody"_s), 0);
}

void TstContactListQuery::searchTakesWildcardsLiterally()
{
    ContactListQuery query(db());
    const auto numbers = [&](const QString &search) {
        QStringList found;
        for (const auto &row : all(Sort::Number, false, search))
            found << row.number;
        return found;
    };
    QCOMPARE(numbers(u"100%"_s), QStringList{u"+14155559990"_s});
    QCOMPARE(numbers(u"Pure_"_s), QStringList{u"+14155559990"_s});
    QCOMPARE(numbers(u"a_b"_s), QStringList{u"+14155559990"_s});
    QCOMPARE(numbers(u"%"_s), QStringList{u"+14155559990"_s});
    QCOMPARE(numbers(u"'; DROP TABLE contacts; --"_s), QStringList());
    QCOMPARE(numbers(u"\\"_s), QStringList());
}

void TstContactListQuery::otherAccountsAreNotListed()
{
    QCOMPARE(all(Sort::Name, false, u"Hidden"_s).size(), 0);
    ContactListQuery query(db());
    QCOMPARE(query.count({m_other, {}, Sort::Name, false, {}, 200}), 1);
}

void TstContactListQuery::aContactAddedMidwayDoesNotShiftPages()
{
    ContactListQuery query(db());
    ContactListQuery::Request request{m_account, {}, Sort::Number, false, {}, 100};
    const auto first = query.page(request);
    QVERIFY(first && !first->atEnd);
    // A contact sorting before the cursor appears while the list is open: the next page
    // starts right after the last row seen, repeating none.
    exec(db(), u"INSERT INTO contacts (account_id, number) VALUES (?, '+14155540000')"_s,
         {m_account});
    request.after = first->next;
    const auto second = query.page(request);
    QVERIFY(second);
    QCOMPARE(second->rows.first().number, numberOf(100));
    exec(db(), u"DELETE FROM contacts WHERE account_id = ? AND number = '+14155540000'"_s,
         {m_account});
    request.after = ContactListQuery::Cursor{{1, 2}};
    QVERIFY(!query.page(request));
    QVERIFY(!query.errorString().isEmpty());
}

QTEST_GUILESS_MAIN(TstContactListQuery)
#include "tst_contactlistquery.moc"
