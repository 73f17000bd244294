#include "NewMessageQuery.h"
#include "PhoneNumber.h"
#include "ThreadFixture.h"

#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime T0(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);
const QString Maria = u"+14155550134"_s;
const QString Jon = u"+14155550177"_s;
const QString Stranger = u"+12125550123"_s;
const QString NotOurs = u"+14155550999"_s; // a number no account of this profile owns

QList<qint64> idsOf(const QList<NewMessage> &messages)
{
    QList<qint64> ids;
    for (const NewMessage &m : messages)
        ids.append(m.id);
    return ids;
}

} // namespace

class TestNewMessageQuery : public QObject
{
    Q_OBJECT

private:
    // Upserts the page and returns the ids the change feed named as added.
    QList<qint64> add(ThreadFixture &f, qint64 account, const QList<MessageRecord> &page)
    {
        QSignalSpy changed(&f.feed(), &ChangeFeed::changed);
        if (!f.upsert(account, page))
            return {};
        QList<qint64> ids;
        for (const auto &args : changed)
            ids += ChangeSet::sorted(args.at(0).value<ChangeSet>().messagesAdded());
        return ids;
    }

    // The ids among `ids` the database itself says are routed inbound messages of `account`.
    QList<qint64> expectedIds(ThreadFixture &f, qint64 account, const QList<qint64> &ids)
    {
        QList<qint64> result;
        for (const qint64 id : ids) {
            QSqlQuery q = f.exec(u"SELECT 1 FROM messages WHERE id = ? AND account_id = ? "
                                 u"AND direction = 'in' AND thread_id IS NOT NULL"_s,
                                 {id, account});
            if (q.next())
                result.append(id);
        }
        return result;
    }

private Q_SLOTS:
    void onlyTheAccountsRoutedInboundMessages()
    {
        ThreadFixture f;
        QVERIFY(f.open());
        QList<qint64> all;
        all += add(f, ThreadFixture::AccountA,
                   {ThreadFixture::message(Maria, ThreadFixture::Support, u"Peonies?"_s, T0),
                    ThreadFixture::message(Maria, ThreadFixture::Support, u"Sure!"_s,
                                           T0.addSecs(60), false),
                    ThreadFixture::message(Jon, ThreadFixture::Sales, u"Price?"_s, T0.addSecs(90)),
                    ThreadFixture::message(Stranger, NotOurs, u"Who is this?"_s, T0.addSecs(95))});
        all +=
            add(f, ThreadFixture::AccountB,
                {ThreadFixture::message(Maria, ThreadFixture::Bakery, u"Bread?"_s, T0.addSecs(30)),
                 ThreadFixture::message(Stranger, ThreadFixture::Bakery, u"Open today?"_s,
                                        T0.addSecs(120))});
        QCOMPARE(all.size(), 6);
        // The fixture really has an unrouted and an outbound message among them.
        QCOMPARE(StoreTestUtil::scalar(f.db(),
                                       u"SELECT count(*) FROM messages WHERE thread_id IS NULL"_s)
                     .toInt(),
                 1);
        QCOMPARE(StoreTestUtil::scalar(f.db(),
                                       u"SELECT count(*) FROM messages WHERE direction = 'out'"_s)
                     .toInt(),
                 1);

        NewMessageQuery query(f.db());
        const QList<NewMessage> a = query.inbound(ThreadFixture::AccountA, all);
        QVERIFY2(query.errorString().isEmpty(), qPrintable(query.errorString()));
        QCOMPARE(idsOf(a), expectedIds(f, ThreadFixture::AccountA, all));
        QCOMPARE(a.size(), 2);
        for (const NewMessage &m : a)
            QCOMPARE(m.accountId, ThreadFixture::AccountA);

        const QList<NewMessage> b = query.inbound(ThreadFixture::AccountB, all);
        QCOMPARE(idsOf(b), expectedIds(f, ThreadFixture::AccountB, all));
        QCOMPARE(b.size(), 2);
        for (const NewMessage &m : b)
            QCOMPARE(m.accountId, ThreadFixture::AccountB);

        QVERIFY(query.inbound(3, all).isEmpty()); // no such account
        QVERIFY(query.inbound(ThreadFixture::AccountA, {}).isEmpty());
    }

    void fieldsComeFromThreadContactAndSenderNumber()
    {
        ThreadFixture f;
        QVERIFY(f.open());
        QVERIFY(f.setContact(ThreadFixture::AccountA, Maria, u"Maria Gonzalez"_s, u"yes"_s));
        const QString longBody = u"Could you deliver\nthe peonies   before 3pm? "_s.repeated(10);
        const QList<qint64> ids =
            add(f, ThreadFixture::AccountA,
                {ThreadFixture::message(Maria, ThreadFixture::Support, longBody, T0),
                 ThreadFixture::message(Jon, ThreadFixture::Sales, u"Hi"_s, T0.addSecs(5))});
        const qint64 mariaThread =
            f.threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Support);
        const qint64 jonThread = f.threadId(ThreadFixture::AccountA, Jon, ThreadFixture::Sales);
        QVERIFY(f.setThread(jonThread, u"open"_s, false, u"bob"_s));
        QVERIFY(f.exec(u"UPDATE sender_numbers SET label = '' WHERE number = ?"_s,
                       {ThreadFixture::Sales})
                    .isActive());

        NewMessageQuery query(f.db());
        const QList<NewMessage> got = query.inbound(ThreadFixture::AccountA, ids);
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0].threadId, mariaThread);
        QCOMPARE(got[0].customer, u"Maria Gonzalez"_s);
        QCOMPARE(got[0].sender, u"Support"_s);
        QCOMPARE(got[0].preview, NewMessageQuery::preview(longBody));
        QCOMPARE(got[0].assignee, QString());
        QCOMPARE(got[0].createdAt, T0.toMSecsSinceEpoch());

        QCOMPARE(got[1].threadId, jonThread);
        // No contact name: the number formatted for people; no label: our number formatted.
        QCOMPARE(got[1].customer, PhoneNumber::parse(Jon, {}).number.formatInternational());
        QCOMPARE(got[1].sender,
                 PhoneNumber::parse(ThreadFixture::Sales, {}).number.formatInternational());
        QCOMPARE(got[1].assignee, u"bob"_s);
    }

    void unreadCountSumsTheAccountsThreads()
    {
        ThreadFixture f;
        QVERIFY(f.open());
        add(f, ThreadFixture::AccountA,
            {ThreadFixture::message(Maria, ThreadFixture::Support, u"1"_s, T0),
             ThreadFixture::message(Maria, ThreadFixture::Support, u"2"_s, T0.addSecs(1)),
             ThreadFixture::message(Jon, ThreadFixture::Sales, u"3"_s, T0.addSecs(2)),
             ThreadFixture::message(Stranger, NotOurs, u"unrouted"_s, T0.addSecs(3))});
        add(f, ThreadFixture::AccountB,
            {ThreadFixture::message(Maria, ThreadFixture::Bakery, u"4"_s, T0)});
        NewMessageQuery query(f.db());
        for (const qint64 account : {ThreadFixture::AccountA, ThreadFixture::AccountB}) {
            const int expected =
                StoreTestUtil::scalar(f.db(),
                                      u"SELECT count(*) FROM messages WHERE account_id = ? AND "
                                      u"direction = 'in' AND thread_id IS NOT NULL"_s,
                                      {account})
                    .toInt();
            QCOMPARE(query.unreadCount(account), expected);
        }
        QCOMPARE(query.unreadCount(ThreadFixture::AccountA), 3);
        QVERIFY(f.exec(u"UPDATE threads SET unread_count = 0 WHERE customer_number = ? AND "
                       u"account_id = 1"_s,
                       {Maria})
                    .isActive());
        QCOMPARE(query.unreadCount(ThreadFixture::AccountA), 1);
        QCOMPARE(query.unreadCount(ThreadFixture::AccountB), 1);
        QCOMPARE(query.unreadCount(3), 0);
    }

    void preview_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short") << u"Hi there"_s << 20 << u"Hi there"_s;
        QTest::newRow("white space folded") << u"  Hi\n\nthere\t you "_s << 20 << u"Hi there you"_s;
        QTest::newRow("exactly the length") << u"abcde"_s << 5 << u"abcde"_s;
        QTest::newRow("cut with an ellipsis") << u"abcdef"_s << 5 << u"abcd\u2026"_s;
        QTest::newRow("no space before the ellipsis") << u"abc defgh"_s << 5 << u"abc\u2026"_s;
        QTest::newRow("empty") << QString() << 5 << QString();
    }

    void preview()
    {
        QFETCH(QString, body);
        QFETCH(int, length);
        QFETCH(QString, expected);
        QCOMPARE(NewMessageQuery::preview(body, length), expected);
    }
};

QTEST_GUILESS_MAIN(TestNewMessageQuery)
#include "tst_newmessagequery.moc"
