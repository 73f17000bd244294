#include "NotificationPolicy.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Mode = NotificationPolicy::Mode;
using Settings = NotificationPolicy::Settings;

namespace {

// One call on the policy: messages arriving `second`s after the row's start, or a flush.
struct Step
{
    int second = 0;
    // Space-separated messages as thread/assignee ("3/alice", "2/" for unassigned); ids
    // are numbered from 1 in the order they appear in the row. Empty with flush.
    QString messages;
    bool flush = false;
};

// "S4 S5" for single notifications of messages 4 and 5, "D7/4@2" for a digest of 7 messages
// in 4 threads opening thread 2, "" for nothing.
QString describe(const NotificationPolicy::Outcome &outcome)
{
    QStringList parts;
    for (const Notification &n : outcome.notifications) {
        if (n.kind == Notification::Kind::Single)
            parts.append(u"S"_s + QString::number(n.messageId));
        else
            parts.append(u"D%1/%2@%3"_s.arg(n.messageCount).arg(n.threadCount).arg(n.threadId));
    }
    return parts.join(u' ');
}

Settings settings(Mode mode, bool digest = true, int threshold = 3)
{
    Settings s;
    s.mode = mode;
    s.digestWhenBusy = digest;
    s.digestThreshold = threshold;
    s.digestWindowSeconds = 60;
    return s;
}

Settings quietNights()
{
    Settings s = settings(Mode::EveryMessage);
    s.doNotDisturb = true;
    s.dndStart = QTime(22, 0);
    s.dndEnd = QTime(7, 0);
    return s;
}

const QDateTime Noon(QDate(2026, 11, 23), QTime(12, 0)); // local time, as DND reads it

} // namespace

Q_DECLARE_METATYPE(Step)

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mentionsNotifyOnlyTheMentionedAgent()
    {
        const NotificationPolicy::Mention forSam{
            7, u"Ana Lee"_s, u"@Sam call her"_s, {u"Sam"_s}, u"+1 415-555-2001"_s};
        const NotificationPolicy::Mention forBea{
            8, u"Ana Lee"_s, u"@Bea see this"_s, {u"Bea"_s}, {}};
        const NotificationPolicy::Mention bySam{
            9, u"Sam"_s, u"note to self @Sam"_s, {u"Sam"_s}, {}};
        // Mine-and-unassigned still hears of a mention: it is addressed to me.
        NotificationPolicy policy(settings(Mode::MineAndUnassigned));
        const auto shown = policy.onMentions({forSam, forBea, bySam}, u"Sam"_s, Noon);
        QCOMPARE(shown.notifications.size(), 1);
        QCOMPARE(shown.notifications.first().threadId, 7);
        QCOMPARE(shown.notifications.first().title,
                 u"Ana Lee mentioned you \u00b7 +1 415-555-2001"_s);
        QCOMPARE(shown.notifications.first().body, u"@Sam call her"_s);
        QVERIFY(shown.sound);
        QVERIFY(policy.onMentions({forSam}, u"Bea"_s, Noon).isEmpty());
        QVERIFY(policy.onMentions({forSam}, u""_s, Noon).isEmpty());
        NotificationPolicy off(settings(Mode::Off));
        QVERIFY(off.onMentions({forSam}, u"Sam"_s, Noon).isEmpty());
        NotificationPolicy night(quietNights());
        QVERIFY(
            night.onMentions({forSam}, u"Sam"_s, QDateTime(Noon.date(), QTime(23, 30))).isEmpty());
    }

    void wanted_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("assignee");
        QTest::addColumn<QString>("me");
        QTest::addColumn<bool>("expected");

        QTest::newRow("every, unassigned") << Mode::EveryMessage << u""_s << u"alice"_s << true;
        QTest::newRow("every, mine") << Mode::EveryMessage << u"alice"_s << u"alice"_s << true;
        QTest::newRow("every, other's") << Mode::EveryMessage << u"bob"_s << u"alice"_s << true;
        QTest::newRow("mine+unassigned, unassigned")
            << Mode::MineAndUnassigned << u""_s << u"alice"_s << true;
        QTest::newRow("mine+unassigned, mine")
            << Mode::MineAndUnassigned << u"alice"_s << u"alice"_s << true;
        QTest::newRow("mine+unassigned, other's")
            << Mode::MineAndUnassigned << u"bob"_s << u"alice"_s << false;
        QTest::newRow("mine+unassigned, nobody signed in, assigned")
            << Mode::MineAndUnassigned << u"bob"_s << u""_s << false;
        QTest::newRow("mine+unassigned, nobody signed in, unassigned")
            << Mode::MineAndUnassigned << u""_s << u""_s << true;
        QTest::newRow("off, unassigned") << Mode::Off << u""_s << u"alice"_s << false;
        QTest::newRow("off, mine") << Mode::Off << u"alice"_s << u"alice"_s << false;
    }

    void wanted()
    {
        QFETCH(Mode, mode);
        QFETCH(QString, assignee);
        QFETCH(QString, me);
        QFETCH(bool, expected);
        QCOMPARE(NotificationPolicy::wanted(mode, assignee, me), expected);
    }

    void quietHours_data()
    {
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");
        QTest::addColumn<QTime>("at");
        QTest::addColumn<bool>("expected");

        const QTime ten(22, 0), seven(7, 0);
        QTest::newRow("night, evening before") << ten << seven << QTime(21, 59) << false;
        QTest::newRow("night, at start") << ten << seven << QTime(22, 0) << true;
        QTest::newRow("night, before midnight") << ten << seven << QTime(23, 30) << true;
        QTest::newRow("night, midnight") << ten << seven << QTime(0, 0) << true;
        QTest::newRow("night, early morning") << ten << seven << QTime(6, 59) << true;
        QTest::newRow("night, at end") << ten << seven << QTime(7, 0) << false;
        QTest::newRow("night, noon") << ten << seven << QTime(12, 0) << false;
        QTest::newRow("lunch, inside") << QTime(12, 0) << QTime(13, 0) << QTime(12, 30) << true;
        QTest::newRow("lunch, after") << QTime(12, 0) << QTime(13, 0) << QTime(13, 0) << false;
        QTest::newRow("lunch, before") << QTime(12, 0) << QTime(13, 0) << QTime(11, 0) << false;
        QTest::newRow("start equals end") << ten << ten << QTime(22, 0) << false;
        QTest::newRow("invalid start") << QTime() << seven << QTime(3, 0) << false;
    }

    void quietHours()
    {
        QFETCH(QTime, start);
        QFETCH(QTime, end);
        QFETCH(QTime, at);
        QFETCH(bool, expected);
        QCOMPARE(NotificationPolicy::inQuietHours(start, end, at), expected);
    }

    void digestText_data()
    {
        QTest::addColumn<int>("messages");
        QTest::addColumn<int>("threads");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plural") << 7 << 4 << u"7 new messages in 4 threads"_s;
        QTest::newRow("one thread") << 5 << 1 << u"5 new messages in 1 thread"_s;
        QTest::newRow("one message") << 1 << 1 << u"1 new message in 1 thread"_s;
    }

    void digestText()
    {
        QFETCH(int, messages);
        QFETCH(int, threads);
        QFETCH(QString, expected);
        QCOMPARE(NotificationPolicy::digestText(messages, threads), expected);
    }

    void sequence_data()
    {
        QTest::addColumn<Settings>("settings");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QList<Step>>("steps");
        QTest::addColumn<QStringList>("expected"); // describe() of each step's outcome

        const Settings every = settings(Mode::EveryMessage);
        QTest::newRow("every message, two threads")
            << every << Noon << QList<Step>{{0, u"1/ 2/bob"_s}} << QStringList{u"S1 S2"_s};
        QTest::newRow("off") << settings(Mode::Off) << Noon << QList<Step>{{0, u"1/ 2/alice"_s}}
                             << QStringList{u""_s};
        QTest::newRow("mine and unassigned")
            << settings(Mode::MineAndUnassigned) << Noon << QList<Step>{{0, u"1/alice 2/bob 3/"_s}}
            << QStringList{u"S1 S3"_s};
        QTest::newRow("others' messages do not count towards a digest")
            << settings(Mode::MineAndUnassigned) << Noon
            << QList<Step>{{0, u"1/bob 1/bob 1/bob 2/ 3/alice"_s}} << QStringList{u"S4 S5"_s};
        QTest::newRow("at the threshold: single pop-ups")
            << every << Noon << QList<Step>{{0, u"1/ 2/ 1/"_s}} << QStringList{u"S1 S2 S3"_s};
        QTest::newRow("over the threshold in one page: one digest")
            << every << Noon << QList<Step>{{0, u"1/ 2/ 1/ 3/ 4/ 2/ 3/"_s}}
            << QStringList{u"D7/4@3"_s};
        QTest::newRow("digest off: one pop-up each")
            << settings(Mode::EveryMessage, false) << Noon << QList<Step>{{0, u"1/ 2/ 1/ 3/ 4/"_s}}
            << QStringList{u"S1 S2 S3 S4 S5"_s};
        QTest::newRow("threshold 1")
            << settings(Mode::EveryMessage, true, 1) << Noon
            << QList<Step>{{0, u"5/"_s}, {10, u"6/"_s}} << QStringList{u"S1"_s, u"D2/2@6"_s};
        QTest::newRow("trickle: the fourth within a minute sums up the burst")
            << every << Noon
            << QList<Step>{{0, u"1/"_s}, {10, u"2/"_s}, {20, u"1/"_s}, {30, u"3/"_s}}
            << QStringList{u"S1"_s, u"S2"_s, u"S3"_s, u"D4/3@3"_s};
        QTest::newRow("after a digest, more are held until the window passes")
            << every << Noon
            << QList<Step>{{0, u"1/ 2/ 3/ 4/"_s},
                           {20, u"5/ 1/"_s},
                           {40, {}, true},
                           {50, u"6/"_s},
                           {60, {}, true}}
            << QStringList{u"D4/4@4"_s, u""_s, u""_s, u""_s, u"D3/3@6"_s};
        QTest::newRow("one held message flushes as a single pop-up")
            << every << Noon << QList<Step>{{0, u"1/ 2/ 3/ 4/"_s}, {30, u"7/"_s}, {90, {}, true}}
            << QStringList{u"D4/4@4"_s, u""_s, u"S5"_s};
        QTest::newRow("quiet again: pop-ups resume")
            << every << Noon << QList<Step>{{0, u"1/ 2/ 3/ 4/"_s}, {61, u"5/"_s}}
            << QStringList{u"D4/4@4"_s, u"S5"_s};
        QTest::newRow("nothing held: flush shows nothing")
            << every << Noon << QList<Step>{{0, u"1/"_s}, {120, {}, true}}
            << QStringList{u"S1"_s, u""_s};
        QTest::newRow("do not disturb before midnight")
            << quietNights() << QDateTime(QDate(2026, 11, 23), QTime(23, 30))
            << QList<Step>{{0, u"1/"_s}} << QStringList{u""_s};
        QTest::newRow("do not disturb after midnight")
            << quietNights() << QDateTime(QDate(2026, 11, 24), QTime(6, 59))
            << QList<Step>{{0, u"1/"_s}} << QStringList{u""_s};
        QTest::newRow("do not disturb ends at 07:00, the night leaves no digest")
            << quietNights() << QDateTime(QDate(2026, 11, 24), QTime(6, 59, 30))
            << QList<Step>{{0, u"1/ 2/ 3/"_s}, {30, u"4/"_s}} << QStringList{u""_s, u"S4"_s};
        QTest::newRow("do not disturb, daytime")
            << quietNights() << Noon << QList<Step>{{0, u"1/"_s}} << QStringList{u"S1"_s};
        Settings dndOff = quietNights();
        dndOff.doNotDisturb = false;
        QTest::newRow("do not disturb hours set but off")
            << dndOff << QDateTime(QDate(2026, 11, 23), QTime(23, 30)) << QList<Step>{{0, u"1/"_s}}
            << QStringList{u"S1"_s};
        QTest::newRow("held digest dropped when the quiet hours start")
            << quietNights() << QDateTime(QDate(2026, 11, 23), QTime(21, 59))
            << QList<Step>{{0, u"1/ 2/ 3/ 4/"_s}, {30, u"5/"_s}, {61, {}, true}, {180, u"6/"_s}}
            << QStringList{u"D4/4@4"_s, u""_s, u""_s, u""_s};
    }

    void sequence()
    {
        QFETCH(Settings, settings);
        QFETCH(QDateTime, start);
        QFETCH(QList<Step>, steps);
        QFETCH(QStringList, expected);
        QCOMPARE(steps.size(), expected.size());

        NotificationPolicy policy(settings);
        qint64 nextId = 1;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const Step &step = steps.at(i);
            const QDateTime now = start.addSecs(step.second);
            NotificationPolicy::Outcome outcome;
            if (step.flush) {
                outcome = policy.flush(now);
            } else {
                QList<NewMessage> messages;
                for (const QString &spec : step.messages.split(u' ', Qt::SkipEmptyParts)) {
                    const QStringList parts = spec.split(u'/');
                    NewMessage m;
                    m.id = nextId++;
                    m.threadId = parts.at(0).toLongLong();
                    m.assignee = parts.value(1);
                    m.customer = u"Customer "_s + parts.at(0);
                    m.createdAt = now.toMSecsSinceEpoch() + m.id;
                    messages.append(m);
                }
                outcome = policy.onMessages(messages, u"alice"_s, now);
            }
            QVERIFY2(describe(outcome) == expected.at(i),
                     qPrintable(u"step %1: got \"%2\", expected \"%3\""_s.arg(i).arg(
                         describe(outcome), expected.at(i))));
            QCOMPARE(outcome.sound, !outcome.isEmpty());
        }
    }

    void soundFollowsTheSetting()
    {
        Settings s = settings(Mode::EveryMessage);
        s.sound = false;
        NotificationPolicy policy(s);
        NewMessage m{1, 10, 1, u"Maria"_s, u"Support"_s, u"Hi"_s, u""_s, 0};
        const auto outcome = policy.onMessages({m}, u"alice"_s, Noon);
        QCOMPARE(outcome.notifications.size(), 1);
        QVERIFY(!outcome.sound);
    }

    void nextFlushAtIsOneWindowAfterTheDigest()
    {
        NotificationPolicy policy(settings(Mode::EveryMessage));
        QList<NewMessage> burst;
        for (qint64 id = 1; id <= 4; ++id)
            burst.append(NewMessage{id, id, 1, u"C"_s, u""_s, u""_s, u""_s, id});
        QCOMPARE(policy.onMessages(burst, u"alice"_s, Noon).notifications.size(), 1);
        QCOMPARE(policy.nextFlushAt(), std::nullopt);
        const QDateTime later = Noon.addSecs(15);
        QVERIFY(policy.onMessages({NewMessage{5, 1, 1, u"C"_s, {}, {}, {}, 5}}, u"alice"_s, later)
                    .isEmpty());
        QCOMPARE(policy.nextFlushAt(), Noon.addSecs(60));
        policy.reset();
        QCOMPARE(policy.nextFlushAt(), std::nullopt);
    }

    void singleShowsCustomerSenderAndPreview()
    {
        const NewMessage m{4, 9, 1, u"Maria Gonzalez"_s, u"Support"_s, u"Peonies?"_s, u""_s, 0};
        const Notification n = NotificationPolicy::single(m);
        QCOMPARE(n.kind, Notification::Kind::Single);
        QCOMPARE(n.threadId, m.threadId);
        QCOMPARE(n.messageId, m.id);
        QCOMPARE(n.title, m.customer + u" \u00b7 "_s + m.sender);
        QCOMPARE(n.body, m.preview);
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"
