#include "NotificationSink.h"
#include "Notifier.h"
#include "StoreReader.h"
#include "ThreadFixture.h"
#include "TrayBadge.h"

#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QtTest>

using namespace Qt::StringLiterals;
using Kind = Notification::Kind;

namespace {

const QString Me = u"alice"_s;
const QDateTime Noon(QDate(2026, 11, 23), QTime(12, 0)); // local: do-not-disturb reads it
const QString Maria = u"+14155550134"_s;
const QString Jon = u"+14155550177"_s;

class CapturingSink : public NotificationSink
{
public:
    struct Shown
    {
        Notification notification;
        bool sound = false;
    };
    void show(const Notification &notification, bool sound) override
    {
        shown.append({notification, sound});
    }
    QList<Shown> shown;
};

// A profile with a reader connection and a Notifier on account A, fed by the store's signal
// as StoreWriter feeds it in the app.
class Rig
{
public:
    bool open(qint64 account = ThreadFixture::AccountA)
    {
        if (!fixture.open())
            return false;
        reader = std::make_unique<StoreReader>(fixture.dir() + u"/profile.sqlite"_s);
        if (!reader->open())
            return false;
        notifier = std::make_unique<Notifier>(*reader, account, Me, &sink);
        notifier->setClock([this] { return now; });
        QObject::connect(&fixture.feed(), &ChangeFeed::changed, notifier.get(),
                         [this](const ChangeSet &changes) {
                             notifier->messagesAdded(ChangeSet::sorted(changes.messagesAdded()));
                         });
        return true;
    }

    ~Rig()
    {
        notifier.reset(); // before the reader connection it queries
        reader.reset();
    }

    bool add(qint64 account, const QList<MessageRecord> &page)
    {
        return fixture.upsert(account, page);
    }

    MessageRecord in(const QString &customer, const QString &ours, const QString &body)
    {
        m_at = m_at.addSecs(1);
        return ThreadFixture::message(customer, ours, body, m_at);
    }

    int sql(const QString &statement, const QVariantList &values = {}) const
    {
        return StoreTestUtil::scalar(fixture.db(), statement, values).toInt();
    }

    int unreadInDb(qint64 account) const
    {
        return sql(u"SELECT total(unread_count) FROM threads WHERE account_id = ?"_s, {account});
    }

    ThreadFixture fixture;
    std::unique_ptr<StoreReader> reader;
    CapturingSink sink;
    std::unique_ptr<Notifier> notifier;
    QDateTime now = Noon;

private:
    QDateTime m_at = QDateTime(QDate(2026, 11, 23), QTime(11, 0), Qt::UTC);
};

NotificationPolicy::Settings everyMessage()
{
    return NotificationPolicy::Settings{};
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleNotificationsOfTheOpenAccount()
    {
        Rig rig;
        QVERIFY(rig.open());
        QVERIFY(
            rig.fixture.setContact(ThreadFixture::AccountA, Maria, u"Maria Gonzalez"_s, u"yes"_s));
        QVERIFY(rig.add(ThreadFixture::AccountA,
                        {rig.in(Maria, ThreadFixture::Support, u"Peonies before 3pm?"_s),
                         rig.in(Jon, ThreadFixture::Sales, u"Price of a wreath?"_s)}));

        QCOMPARE(rig.sink.shown.size(), 2);
        const Notification first = rig.sink.shown[0].notification;
        const Notification second = rig.sink.shown[1].notification;
        QCOMPARE(first.kind, Kind::Single);
        QCOMPARE(first.threadId,
                 rig.fixture.threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Support));
        QCOMPARE(first.title, u"Maria Gonzalez \u00b7 Support"_s);
        QCOMPARE(first.body, u"Peonies before 3pm?"_s);
        QCOMPARE(second.threadId,
                 rig.fixture.threadId(ThreadFixture::AccountA, Jon, ThreadFixture::Sales));
        QCOMPARE(second.messageId,
                 rig.sql(u"SELECT id FROM messages WHERE body = 'Price of a wreath?'"_s));
        // One sound for the batch.
        QVERIFY(rig.sink.shown[0].sound);
        QVERIFY(!rig.sink.shown[1].sound);
        QCOMPARE(rig.notifier->lastShown(), second);
    }

    void outboundAndUnroutedDoNotNotify()
    {
        Rig rig;
        QVERIFY(rig.open());
        MessageRecord reply = rig.in(Maria, ThreadFixture::Support, u"On our way"_s);
        std::swap(reply.from, reply.to);
        reply.direction = MessageRecord::Direction::Outbound;
        reply.status = u"delivered"_s;
        QVERIFY(rig.add(ThreadFixture::AccountA,
                        {reply, rig.in(Jon, u"+14155550999"_s, u"Unrouted"_s)}));
        QCOMPARE(rig.sql(u"SELECT count(*) FROM messages"_s), 2);
        QVERIFY(rig.sink.shown.isEmpty());
    }

    void otherAccountsNeverNotify()
    {
        Rig rig;
        QVERIFY(rig.open());
        QSignalSpy countChanged(rig.notifier.get(), &Notifier::unreadCountChanged);
        QVERIFY(rig.add(ThreadFixture::AccountB,
                        {rig.in(Maria, ThreadFixture::Bakery, u"Sourdough today?"_s),
                         rig.in(Jon, ThreadFixture::Bakery, u"Open Sunday?"_s)}));
        QVERIFY(rig.unreadInDb(ThreadFixture::AccountB) > 0);
        QVERIFY(rig.sink.shown.isEmpty());
        QCOMPARE(rig.notifier->unreadCount(), rig.unreadInDb(ThreadFixture::AccountA));
        QCOMPARE(rig.notifier->unreadCount(), 0);
        QCOMPARE(countChanged.count(), 0);
        QCOMPARE(rig.notifier->trayMenu()->actions().size(), 1); // only "Show SMS Desk"
    }

    void busyPageGivesOneDigest()
    {
        Rig rig;
        QVERIFY(rig.open());
        rig.notifier->setSettings(everyMessage());
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"1"_s),
                                                  rig.in(Maria, ThreadFixture::Sales, u"2"_s),
                                                  rig.in(Jon, ThreadFixture::Support, u"3"_s),
                                                  rig.in(Maria, ThreadFixture::Support, u"4"_s),
                                                  rig.in(Jon, ThreadFixture::Sales, u"5"_s),
                                                  rig.in(Jon, ThreadFixture::Support, u"6"_s),
                                                  rig.in(Maria, ThreadFixture::Sales, u"7"_s)}));
        QCOMPARE(rig.sink.shown.size(), 1);
        const Notification digest = rig.sink.shown[0].notification;
        const int messages = rig.sql(u"SELECT count(*) FROM messages WHERE direction = 'in'"_s);
        const int threads =
            rig.sql(u"SELECT count(DISTINCT thread_id) FROM messages WHERE direction = 'in'"_s);
        QCOMPARE(digest.kind, Kind::Digest);
        QCOMPARE(digest.messageCount, messages);
        QCOMPARE(digest.threadCount, threads);
        QCOMPARE(digest.body, NotificationPolicy::digestText(messages, threads));
        QCOMPARE(digest.body, u"7 new messages in 4 threads"_s);
        QCOMPARE(digest.threadId, rig.sql(u"SELECT thread_id FROM messages "
                                          u"ORDER BY created_at DESC, id DESC LIMIT 1"_s));
        QVERIFY(rig.sink.shown[0].sound);

        // More within the minute are held, then summed up when the digest is due.
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Jon, ThreadFixture::Sales, u"8"_s),
                                                  rig.in(Jon, ThreadFixture::Sales, u"9"_s)}));
        QCOMPARE(rig.sink.shown.size(), 1);
        rig.now = Noon.addSecs(30);
        rig.notifier->flushDigest();
        QCOMPARE(rig.sink.shown.size(), 1); // not due yet
        rig.now = Noon.addSecs(60);
        rig.notifier->flushDigest();
        QCOMPARE(rig.sink.shown.size(), 2);
        QCOMPARE(rig.sink.shown[1].notification.body, u"2 new messages in 1 thread"_s);
        QCOMPARE(rig.sink.shown[1].notification.threadId,
                 rig.fixture.threadId(ThreadFixture::AccountA, Jon, ThreadFixture::Sales));
    }

    void mineAndUnassignedSkipsOthersThreads()
    {
        Rig rig;
        QVERIFY(rig.open());
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"a"_s),
                                                  rig.in(Jon, ThreadFixture::Support, u"b"_s),
                                                  rig.in(Jon, ThreadFixture::Sales, u"c"_s)}));
        const qint64 mine =
            rig.fixture.threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Support);
        const qint64 bobs =
            rig.fixture.threadId(ThreadFixture::AccountA, Jon, ThreadFixture::Support);
        const qint64 nobodys =
            rig.fixture.threadId(ThreadFixture::AccountA, Jon, ThreadFixture::Sales);
        QVERIFY(rig.fixture.setThread(mine, u"open"_s, false, Me));
        QVERIFY(rig.fixture.setThread(bobs, u"open"_s, false, u"bob"_s));
        NotificationPolicy::Settings s;
        s.mode = NotificationPolicy::Mode::MineAndUnassigned;
        rig.notifier->setSettings(s);
        rig.now = Noon.addSecs(600); // past the digest window of the first page
        rig.sink.shown.clear();

        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"d"_s),
                                                  rig.in(Jon, ThreadFixture::Support, u"e"_s),
                                                  rig.in(Jon, ThreadFixture::Sales, u"f"_s)}));
        QCOMPARE(rig.sink.shown.size(), 2);
        QCOMPARE(rig.sink.shown[0].notification.threadId, mine);
        QCOMPARE(rig.sink.shown[1].notification.threadId, nobodys);
    }

    void resolvedAndSnoozedThreadsNotify()
    {
        Rig rig;
        QVERIFY(rig.open());
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"a"_s)}));
        const qint64 thread =
            rig.fixture.threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Support);
        QVERIFY(
            rig.fixture
                .exec(u"UPDATE threads SET status = 'resolved', snoozed_until = ? WHERE id = ?"_s,
                      {Noon.addDays(1).toMSecsSinceEpoch(), thread})
                .isActive());
        rig.sink.shown.clear();
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"b"_s)}));
        QCOMPARE(rig.sink.shown.size(), 1);
        QCOMPARE(rig.sink.shown[0].notification.threadId, thread);
        QCOMPARE(rig.sql(u"SELECT status = 'open' AND snoozed_until IS NULL FROM threads "
                         u"WHERE id = ?"_s,
                         {thread}),
                 1);
    }

    void doNotDisturbKeepsTheCount()
    {
        Rig rig;
        QVERIFY(rig.open());
        NotificationPolicy::Settings s;
        s.doNotDisturb = true;
        s.dndStart = QTime(22, 0);
        s.dndEnd = QTime(7, 0);
        rig.notifier->setSettings(s);
        rig.now = QDateTime(QDate(2026, 11, 23), QTime(23, 30));
        QSignalSpy countChanged(rig.notifier.get(), &Notifier::unreadCountChanged);
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"a"_s),
                                                  rig.in(Jon, ThreadFixture::Sales, u"b"_s)}));
        QVERIFY(rig.sink.shown.isEmpty());
        QCOMPARE(rig.notifier->unreadCount(), rig.unreadInDb(ThreadFixture::AccountA));
        QCOMPARE(rig.notifier->unreadCount(), 2);
        QCOMPARE(countChanged.count(), 1);
        QCOMPARE(rig.notifier->trayIcon()->toolTip(), u"SMS Desk \u2014 2 unread"_s);
    }

    void unreadCountAndToolTipFollowTheDatabase()
    {
        Rig rig;
        QVERIFY(rig.open());
        QCOMPARE(rig.notifier->trayIcon()->toolTip(), TrayBadge::toolTip(0));
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"a"_s),
                                                  rig.in(Maria, ThreadFixture::Support, u"b"_s),
                                                  rig.in(Jon, ThreadFixture::Sales, u"c"_s)}));
        const int unread = rig.unreadInDb(ThreadFixture::AccountA);
        QCOMPARE(rig.notifier->unreadCount(), unread);
        QCOMPARE(rig.notifier->trayIcon()->toolTip(),
                 u"SMS Desk \u2014 "_s + QString::number(unread) + u" unread"_s);

        // Reading a thread lowers the count once the store says threads changed.
        QVERIFY(
            rig.fixture
                .exec(u"UPDATE threads SET unread_count = 0 WHERE customer_number = ?"_s, {Maria})
                .isActive());
        rig.notifier->refreshUnread();
        QCOMPARE(rig.notifier->unreadCount(), rig.unreadInDb(ThreadFixture::AccountA));
        QCOMPARE(rig.notifier->unreadCount(), 1);
        QCOMPARE(rig.notifier->trayIcon()->toolTip(), TrayBadge::toolTip(1));
        QVERIFY(!rig.notifier->trayIcon()->icon().isNull());
    }

    void switchingAccountSwitchesEverything()
    {
        Rig rig;
        QVERIFY(rig.open());
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"a"_s)}));
        QVERIFY(rig.add(ThreadFixture::AccountB, {rig.in(Maria, ThreadFixture::Bakery, u"b"_s),
                                                  rig.in(Jon, ThreadFixture::Bakery, u"c"_s)}));
        QCOMPARE(rig.sink.shown.size(), 1);
        QVERIFY(rig.notifier->lastShown().has_value());

        QSignalSpy requested(rig.notifier.get(), &Notifier::threadRequested);
        rig.notifier->setAccount(ThreadFixture::AccountB);
        QCOMPARE(rig.notifier->accountId(), ThreadFixture::AccountB);
        QCOMPARE(rig.notifier->unreadCount(), rig.unreadInDb(ThreadFixture::AccountB));
        QCOMPARE(rig.notifier->trayIcon()->toolTip(),
                 TrayBadge::toolTip(rig.unreadInDb(ThreadFixture::AccountB)));
        // Account A's pop-up, still on screen, opens nothing in B; its menu entry is gone.
        QVERIFY(!rig.notifier->lastShown().has_value());
        Q_EMIT rig.notifier->trayIcon()->messageClicked();
        QCOMPARE(requested.count(), 0);
        QCOMPARE(rig.notifier->trayMenu()->actions().size(), 1);

        rig.sink.shown.clear();
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Jon, ThreadFixture::Sales, u"d"_s)}));
        QVERIFY(rig.sink.shown.isEmpty());
        QVERIFY(rig.add(ThreadFixture::AccountB, {rig.in(Jon, ThreadFixture::Bakery, u"e"_s)}));
        QCOMPARE(rig.sink.shown.size(), 1);
        QCOMPARE(rig.sink.shown[0].notification.threadId,
                 rig.fixture.threadId(ThreadFixture::AccountB, Jon, ThreadFixture::Bakery));
    }

    void switchingAccountDropsTheHeldDigest()
    {
        Rig rig;
        QVERIFY(rig.open());
        QList<MessageRecord> burst;
        for (int i = 0; i < 4; ++i)
            burst.append(rig.in(Maria, ThreadFixture::Support, QString::number(i)));
        QVERIFY(rig.add(ThreadFixture::AccountA, burst));
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Jon, ThreadFixture::Sales, u"held"_s)}));
        QCOMPARE(rig.sink.shown.size(), 1); // the digest; "held" waits
        rig.notifier->setAccount(ThreadFixture::AccountB);
        rig.now = Noon.addSecs(120);
        rig.notifier->flushDigest();
        QCOMPARE(rig.sink.shown.size(), 1);
    }

    void clickingANotificationRequestsItsThread()
    {
        Rig rig;
        QVERIFY(rig.open());
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"a"_s),
                                                  rig.in(Jon, ThreadFixture::Sales, u"b"_s)}));
        QCOMPARE(rig.sink.shown.size(), 2);
        QSignalSpy requested(rig.notifier.get(), &Notifier::threadRequested);

        rig.notifier->activate(rig.sink.shown[0].notification);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toLongLong(),
                 rig.fixture.threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Support));

        // The desktop's pop-up reports a click on the last message it showed.
        Q_EMIT rig.notifier->trayIcon()->messageClicked();
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.at(1).at(0).toLongLong(), rig.sink.shown[1].notification.threadId);

        // The tray menu lists recent notifications, newest first, then "Show SMS Desk".
        const QList<QAction *> actions = rig.notifier->trayMenu()->actions();
        QCOMPARE(actions.size(), 4); // two entries, a separator, Show
        QCOMPARE(actions[0]->text(), rig.sink.shown[1].notification.title);
        actions[1]->trigger();
        QCOMPARE(requested.count(), 3);
        QCOMPARE(requested.at(2).at(0).toLongLong(), rig.sink.shown[0].notification.threadId);
        QSignalSpy showWindow(rig.notifier.get(), &Notifier::showWindowRequested);
        actions[3]->trigger();
        QCOMPARE(showWindow.count(), 1);
    }

    void soundOffIsSilent()
    {
        Rig rig;
        QVERIFY(rig.open());
        NotificationPolicy::Settings s;
        s.sound = false;
        rig.notifier->setSettings(s);
        QVERIFY(rig.add(ThreadFixture::AccountA, {rig.in(Maria, ThreadFixture::Support, u"a"_s)}));
        QCOMPARE(rig.sink.shown.size(), 1);
        QVERIFY(!rig.sink.shown[0].sound);
    }

    void badgeDrawsTheCount_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("one") << 1 << u"1"_s;
        QTest::newRow("two digits") << 42 << u"42"_s;
        QTest::newRow("capped") << 250 << u"99+"_s;
    }

    void badgeDrawsTheCount()
    {
        QFETCH(int, count);
        QFETCH(QString, text);
        QCOMPARE(TrayBadge::badgeText(count), text);
        const QImage plain = TrayBadge::icon(0).pixmap(TrayBadge::Size).toImage();
        const QImage badged = TrayBadge::icon(count).pixmap(TrayBadge::Size).toImage();
        QVERIFY(!plain.isNull());
        QVERIFY(plain != badged);
        // Just inside the top of the badge, above its digits: red; the plain icon is blue there.
        const QPoint probe(TrayBadge::Size - 18, 5);
        const QColor badgePixel = badged.pixelColor(probe);
        QVERIFY2(badgePixel.red() > 180 && badgePixel.blue() < 100, qPrintable(badgePixel.name()));
        QVERIFY(plain.pixelColor(probe).blue() > plain.pixelColor(probe).red());

        // Written only on request, for looking at the badge (not kept in the docs).
        const QString dir = qEnvironmentVariable("SMSDESK_BADGE_DIR");
        if (!dir.isEmpty())
            QVERIFY(TrayBadge::icon(count)
                        .pixmap(TrayBadge::Size)
                        .save(dir + u"/badge-"_s + QString::number(count) + u".png"_s));
    }
};

QTEST_MAIN(TestNotifier)
#include "tst_notifier.moc"
