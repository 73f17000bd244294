#include "PhoneNumber.h"
#include "SearchQuery.h"
#include "SearchResultsModel.h"
#include "ThreadFixture.h"

#include <QAbstractItemModelTester>
#include <QPoint>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC).addSecs(qint64(minute) * 60);
}

const QString Maria = u"+14155550101"_s;
const QString Tom = u"+14155550102"_s;
const QString Unknown = u"+14155550103"_s;

} // namespace

class TstSearchQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ftsQuery_data();
    void ftsQuery();
    void numberDigits_data();
    void numberDigits();
    void findsByBody();
    void findsByContactName();
    void prefixOfLastTerm();
    void hostileTextNeverErrors_data();
    void hostileTextNeverErrors();
    void neverAnotherAccount_data();
    void neverAnotherAccount();
    void contactsByNameAndNumber();
    void resultsModel();
    void snippetMarksTheMatches();
    void unmarkSnippet_data();
    void unmarkSnippet();

private:
    QList<qint64> messageIds(const QString &text, qint64 account = ThreadFixture::AccountA)
    {
        SearchQuery query(m_fx->db());
        QList<qint64> ids;
        for (const SearchHit &h : query.messages(account, text, 100))
            ids.append(h.messageId);
        if (!query.errorString().isEmpty())
            qWarning("%s", qPrintable(query.errorString()));
        return ids;
    }
    qint64 messageId(const QString &body, qint64 account = ThreadFixture::AccountA) const
    {
        return StoreTestUtil::scalar(m_fx->db(),
                                     u"SELECT id FROM messages WHERE body = ? AND account_id = ?"_s,
                                     {body, account})
            .toLongLong();
    }
    // Ids of account's messages whose body contains every one of words (case-insensitive),
    // newest first: the answer computed without FTS.
    QList<qint64> containing(const QStringList &words, qint64 account = ThreadFixture::AccountA)
    {
        QList<qint64> ids;
        QSqlQuery q = m_fx->exec(
            u"SELECT id, body FROM messages WHERE account_id = ? AND thread_id IS NOT NULL "
            u"ORDER BY id DESC"_s,
            {account});
        while (q.next()) {
            const QString body = q.value(1).toString();
            bool all = true;
            for (const QString &w : words)
                all = all && body.contains(w, Qt::CaseInsensitive);
            if (all)
                ids.append(q.value(0).toLongLong());
        }
        return ids;
    }

    std::unique_ptr<ThreadFixture> m_fx;
};

void TstSearchQuery::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    QVERIFY(m_fx->setContact(ThreadFixture::AccountA, Maria, u"Maria Gonzalez"_s, u"yes"_s));
    QVERIFY(m_fx->setContact(ThreadFixture::AccountA, Tom, u"Tom Becker"_s, u"yes"_s));
    // The same customer number in account B, under another name.
    QVERIFY(m_fx->setContact(ThreadFixture::AccountB, Maria, u"Maria Secret"_s, u"yes"_s));
    using F = ThreadFixture;
    QVERIFY(m_fx->upsert(
        F::AccountA,
        {F::message(Maria, F::Support, u"Can you deliver the peonies tomorrow?"_s, at(1)),
         F::message(Maria, F::Support, u"Sure, peonies arrive by 3pm."_s, at(2), false),
         F::message(Tom, F::Sales, u"Is the wedding consultation on Saturday?"_s, at(3)),
         F::message(Unknown, F::Support, u"Do you have sunflowers? \"Big\" ones (AND small)"_s,
                    at(4)),
         F::message(Tom, F::Sales, u"Delivery to 221 Pine St, apt 4B"_s, at(5))}));
    QVERIFY(m_fx->upsert(
        F::AccountB, {F::message(Maria, F::Bakery, u"Secret peonies order for the bakery"_s, at(6)),
                      F::message(Tom, F::Bakery, u"Wedding cake for Saturday please"_s, at(7))}));
}

void TstSearchQuery::cleanup()
{
    m_fx.reset();
}

void TstSearchQuery::ftsQuery_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one word, still typing") << u"peo"_s << u"\"peo\"*"_s;
    QTest::newRow("two words") << u"deliver peon"_s << u"\"deliver\" \"peon\"*"_s;
    QTest::newRow("trailing space: whole word") << u"peonies "_s << u"\"peonies\""_s;
    QTest::newRow("quotes doubled") << u"say \"hi"_s << u"\"say\" \"\"\"hi\"*"_s;
    QTest::newRow("operators are words") << u"a AND NOT bc"_s << u"\"a\" \"AND\" \"NOT\" \"bc\"*"_s;
    QTest::newRow("one letter: no prefix") << u"p"_s << u"\"p\""_s;
    QTest::newRow("column filter") << u"body:x"_s << u"\"body:x\"*"_s;
    QTest::newRow("punctuation only dropped") << u"( ) * -"_s << u""_s;
    QTest::newRow("empty") << u""_s << u""_s;
    QTest::newRow("spaces") << u"   "_s << u""_s;
}

void TstSearchQuery::ftsQuery()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SearchQuery::ftsQuery(text), expected);
}

void TstSearchQuery::numberDigits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("formatted") << u"+1 (415) 555-0101"_s << u"14155550101"_s;
    QTest::newRow("partial") << u"555 01"_s << u"55501"_s;
    QTest::newRow("too short") << u"41"_s << u""_s;
    QTest::newRow("a word") << u"apt 4B"_s << u""_s;
}

void TstSearchQuery::numberDigits()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(SearchQuery::numberDigits(text), expected);
}

void TstSearchQuery::findsByBody()
{
    const QList<qint64> ids = messageIds(u"peonies"_s);
    QCOMPARE(ids, containing({u"peonies"_s}));
    QCOMPARE(ids.size(), 2);
    QCOMPARE(messageIds(u"wedding saturday"_s), containing({u"wedding"_s, u"saturday"_s}));

    SearchQuery query(m_fx->db());
    const QList<SearchHit> hits = query.messages(ThreadFixture::AccountA, u"sunflowers"_s, 10);
    QCOMPARE(hits.size(), 1);
    const SearchHit &h = hits.first();
    QCOMPARE(h.messageId, messageId(u"Do you have sunflowers? \"Big\" ones (AND small)"_s));
    QCOMPARE(h.threadId, m_fx->threadId(ThreadFixture::AccountA, Unknown, ThreadFixture::Support));
    QCOMPARE(h.createdAt, at(4).toMSecsSinceEpoch());
    QVERIFY(h.inbound);
    QCOMPARE(h.senderLabel, u"Support"_s);
    QVERIFY2(h.snippet.contains(u"sunflowers"_s), qPrintable(h.snippet));
}

void TstSearchQuery::findsByContactName()
{
    // Maria's two messages do not contain her name; the index holds it beside them.
    QList<qint64> expected;
    QSqlQuery q = m_fx->exec(u"SELECT id FROM messages WHERE account_id = 1 AND "
                             u"customer_number = ? ORDER BY id DESC"_s,
                             {Maria});
    while (q.next())
        expected.append(q.value(0).toLongLong());
    QCOMPARE(expected.size(), 2);
    QCOMPARE(messageIds(u"gonzalez"_s), expected);
    QCOMPARE(messageIds(u"maria gonz"_s), expected);
}

void TstSearchQuery::prefixOfLastTerm()
{
    QCOMPARE(messageIds(u"peo"_s), containing({u"peo"_s}));
    QCOMPARE(messageIds(u"peo "_s), QList<qint64>{}); // a whole word "peo" is nowhere
    QCOMPARE(messageIds(u"wedd"_s), containing({u"wedd"_s}));
}

void TstSearchQuery::hostileTextNeverErrors_data()
{
    QTest::addColumn<QString>("text");
    for (const char16_t *t : {u"\"",
                              u"\"\"",
                              u"peonies\"",
                              u"(",
                              u")",
                              u"*",
                              u"peo*",
                              u"^peo",
                              u"NEAR(a b)",
                              u"a OR b",
                              u"NOT",
                              u"AND",
                              u"body:peonies",
                              u"contact_name:maria",
                              u"{body}: x",
                              u"-peonies",
                              u"+",
                              u"'",
                              u"'; DROP TABLE messages; --",
                              u"%",
                              u"_",
                              u"\\",
                              u"3pm.",
                              u"\u00e9t\u00e9",
                              u"\U0001F33B",
                              u"4B\"(AND small)"}) {
        const QString text = QString::fromUtf16(t);
        QTest::newRow(qPrintable(text)) << text;
    }
}

void TstSearchQuery::hostileTextNeverErrors()
{
    QFETCH(QString, text);
    SearchQuery query(m_fx->db());
    const QList<SearchHit> messages = query.messages(ThreadFixture::AccountA, text, 20);
    QVERIFY2(query.errorString().isEmpty(), qPrintable(query.errorString()));
    const QList<SearchHit> contacts = query.contacts(ThreadFixture::AccountA, text, 20);
    QVERIFY2(query.errorString().isEmpty(), qPrintable(query.errorString()));
    for (const SearchHit &h : messages + contacts)
        QVERIFY(StoreTestUtil::scalar(m_fx->db(), u"SELECT account_id FROM threads WHERE id = ?"_s,
                                      {h.threadId})
                    .toLongLong() == 1);
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM messages"_s).toInt(), 7);
}

void TstSearchQuery::neverAnotherAccount_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("word in both accounts") << u"peonies"_s;
    QTest::newRow("word only in B") << u"bakery"_s;
    QTest::newRow("name only in B") << u"secret"_s;
    QTest::newRow("number in both") << u"5550101"_s;
    QTest::newRow("wedding") << u"wedding"_s;
}

void TstSearchQuery::neverAnotherAccount()
{
    QFETCH(QString, text);
    SearchQuery query(m_fx->db());
    for (const qint64 account : {ThreadFixture::AccountA, ThreadFixture::AccountB}) {
        const QList<SearchHit> hits =
            query.messages(account, text, 100) + query.contacts(account, text, 100);
        for (const SearchHit &h : hits) {
            QCOMPARE(StoreTestUtil::scalar(
                         m_fx->db(), u"SELECT account_id FROM threads WHERE id = ?"_s, {h.threadId})
                         .toLongLong(),
                     account);
            if (h.messageId != 0)
                QCOMPARE(StoreTestUtil::scalar(m_fx->db(),
                                               u"SELECT account_id FROM messages WHERE id = ?"_s,
                                               {h.messageId})
                             .toLongLong(),
                         account);
            QVERIFY(!(account == ThreadFixture::AccountA && h.customerName.contains(u"Secret"_s)));
        }
    }
    QVERIFY(query.messages(ThreadFixture::AccountA, u"bakery"_s, 10).isEmpty());
    QVERIFY(query.messages(ThreadFixture::AccountA, u"secret"_s, 10).isEmpty());
    QCOMPARE(query.messages(ThreadFixture::AccountB, u"secret"_s, 10).size(), 1);
}

void TstSearchQuery::contactsByNameAndNumber()
{
    SearchQuery query(m_fx->db());
    const QList<SearchHit> byName = query.contacts(ThreadFixture::AccountA, u"becker"_s, 10);
    QCOMPARE(byName.size(), 1);
    QCOMPARE(byName.first().kind, SearchHit::Kind::Contact);
    QCOMPARE(byName.first().threadId,
             m_fx->threadId(ThreadFixture::AccountA, Tom, ThreadFixture::Sales));
    QCOMPARE(byName.first().messageId, 0);
    QCOMPARE(byName.first().customerName, u"Tom Becker"_s);

    const QList<SearchHit> byNumber =
        query.contacts(ThreadFixture::AccountA, u"(415) 555-0103"_s, 10);
    QCOMPARE(byNumber.size(), 1);
    QCOMPARE(byNumber.first().customerNumber, Unknown);
    // LIKE wildcards in the text are literal.
    QVERIFY(query.contacts(ThreadFixture::AccountA, u"%"_s, 10).isEmpty());
    QVERIFY(query.contacts(ThreadFixture::AccountA, u"_"_s, 10).isEmpty());
}

void TstSearchQuery::resultsModel()
{
    SearchResultsModel model(m_fx->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.search(ThreadFixture::AccountA, u"maria"_s);
    // One contact row (her one thread), then her two messages (the name is indexed).
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(SearchResultsModel::KindRole).toString(), u"contact"_s);
    QCOMPARE(model.index(1).data(SearchResultsModel::KindRole).toString(), u"message"_s);
    const SearchHit hit = model.hitAt(1);
    QCOMPARE(model.index(1).data(SearchResultsModel::MessageIdRole).toLongLong(), hit.messageId);
    QCOMPARE(model.index(1).data(SearchResultsModel::ThreadIdRole).toLongLong(), hit.threadId);
    QCOMPARE(hit.messageId, messageId(u"Sure, peonies arrive by 3pm."_s));
    model.search(ThreadFixture::AccountA, u""_s);
    QCOMPARE(model.rowCount(), 0);
    model.search(ThreadFixture::AccountB, u"maria"_s);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row).data(SearchResultsModel::CustomerNameRole).toString(),
                 u"Maria Secret"_s);
}

void TstSearchQuery::snippetMarksTheMatches()
{
    SearchQuery query(m_fx->db());
    const QList<SearchHit> hits = query.messages(ThreadFixture::AccountA, u"peonies"_s, 10);
    QCOMPARE(hits.size(), 2);
    for (const SearchHit &h : hits) {
        // The marks are gone from the text, and each marked stretch is the word searched.
        QVERIFY(!h.snippet.contains(QChar(SearchQuery::MatchStart)));
        QVERIFY(!h.snippet.contains(QChar(SearchQuery::MatchEnd)));
        QCOMPARE(h.matches.size(), h.snippet.count(u"peonies"_s, Qt::CaseInsensitive));
        for (const auto &[start, length] : h.matches)
            QCOMPARE(h.snippet.mid(start, length).toLower(), u"peonies"_s);
        QCOMPARE(h.senderNumber, ThreadFixture::Support);
        QCOMPARE(h.senderDisplay,
                 PhoneNumber::parse(ThreadFixture::Support, {}).number.formatInternational());
    }

    SearchResultsModel model(m_fx->db());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.search(ThreadFixture::AccountA, u"wedding"_s);
    QVERIFY(model.rowCount() > 0);
    const QModelIndex last = model.index(model.rowCount() - 1);
    QCOMPARE(last.data(SearchResultsModel::KindRole).toString(), u"message"_s);
    QCOMPARE(last.data(SearchResultsModel::SenderNumberRole).toString(), ThreadFixture::Sales);
    const QString snippet = last.data(SearchResultsModel::SnippetRole).toString();
    const auto matches = last.data(SearchResultsModel::MatchesRole).value<QList<QPoint>>();
    QCOMPARE(matches.size(), 1);
    QCOMPARE(snippet.mid(matches.first().x(), matches.first().y()).toLower(), u"wedding"_s);
    // What a screen reader hears names the customer and our number.
    const QString spoken = last.data(Qt::DisplayRole).toString();
    QVERIFY2(spoken.contains(u"Tom Becker"_s) && spoken.contains(u"Sales"_s), qPrintable(spoken));
}

void TstSearchQuery::unmarkSnippet_data()
{
    QTest::addColumn<QString>("marked");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QList<QPoint>>("matches");
    const QString s(QChar(SearchQuery::MatchStart));
    const QString e(QChar(SearchQuery::MatchEnd));
    QTest::newRow("none") << u"plain text"_s << u"plain text"_s << QList<QPoint>{};
    QTest::newRow("one") << QString(u"the "_s + s + u"rose"_s + e + u" bed"_s) << u"the rose bed"_s
                         << QList<QPoint>{{4, 4}};
    QTest::newRow("two") << QString(s + u"a"_s + e + u" b "_s + s + u"cd"_s + e) << u"a b cd"_s
                         << QList<QPoint>{{0, 1}, {4, 2}};
    QTest::newRow("empty mark") << QString(u"x"_s + s + e + u"y"_s) << u"xy"_s << QList<QPoint>{};
    QTest::newRow("unclosed") << QString(u"x"_s + s + u"y"_s) << u"xy"_s << QList<QPoint>{};
}

void TstSearchQuery::unmarkSnippet()
{
    QFETCH(QString, marked);
    QFETCH(QString, plain);
    QFETCH(QList<QPoint>, matches);
    QList<std::pair<int, int>> found;
    QCOMPARE(SearchQuery::unmarkSnippet(marked, &found), plain);
    QList<QPoint> points;
    for (const auto &[start, length] : found)
        points.append(QPoint(start, length));
    QCOMPARE(points, matches);
}

QTEST_GUILESS_MAIN(TstSearchQuery)
#include "tst_searchquery.moc"
