#include "InboxPage.h"
#include "Theme.h"
#include "ThreadFixture.h"
#include "ThreadListDelegate.h"
#include "ThreadListView.h"

#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using Filter = ThreadListModel::Filter;

namespace {

const QString Me = u"alice"_s;
const QDateTime Now(QDate(2026, 11, 23), QTime(17, 30), Qt::UTC);

struct Seed
{
    const char16_t *name; // '' for no contact
    const char16_t *preview;
    int minutesAgo;
    bool sales; // on our Sales number instead of Support
    int unread; // inbound messages after the last reply
    const char16_t *status;
    bool flagged;
    const char16_t *assignee;
    const char16_t *textEnabled;
};

// Thirty conversations a small florist's team might have open on a Monday.
const Seed Seeds[] = {
    {u"Maria Gonzalez", u"Can you deliver the peonies before 3pm tomorrow?", 2, false, 2, u"open",
     true, u"", u"yes"},
    {u"", u"STOP", 6, true, 1, u"open", false, u"", u"unknown"},
    {u"James Whitaker", u"Thanks, the arrangement looked wonderful!", 14, false, 0, u"open", false,
     u"alice", u"yes"},
    {u"Priya Natarajan", u"Is the wedding consultation still on for Saturday at 10?", 38, true, 1,
     u"open", false, u"bob", u"yes"},
    {u"Front Office — Oak St Dental", u"Please send the invoice to accounts@oakdental.example", 55,
     true, 0, u"open", true, u"alice", u"no"},
    {u"Tom Becker", u"Ok", 80, false, 0, u"resolved", false, u"bob", u"yes"},
    {u"", u"Hi, do you have sunflowers in stock this week? Looking for about two dozen.", 125,
     false, 3, u"open", false, u"", u"checking"},
    {u"Sofia Rossi", u"Running 10 minutes late for pickup, sorry!", 190, false, 0, u"open", false,
     u"alice", u"yes"},
    {u"Chen Wei", u"Could we swap the lilies for white roses? My mother is allergic.", 260, true, 1,
     u"open", true, u"", u"yes"},
    {u"Olivia Brooks", u"Perfect, see you then", 340, false, 0, u"resolved", false, u"alice",
     u"yes"},
    {u"Ahmed Hassan", u"What time do you close on Sundays?", 420, false, 1, u"open", false, u"",
     u"unknown"},
    {u"Grace Kim", u"Order #4821 — card message: \"Happy 40th, love always\"", 600, true, 0,
     u"open", false, u"bob", u"yes"},
    {u"Lucas Martin", u"Got it, thank you", 900, false, 0, u"resolved", false, u"", u"yes"},
    {u"", u"Wrong number I think?", 1300, false, 1, u"open", false, u"", u"no"},
    {u"Hannah Schmidt", u"Can I add a vase to order 4799?", 1500, true, 0, u"open", false, u"alice",
     u"yes"},
    {u"Diego Alvarez", u"The delivery address is 221 Pine St, apt 4B", 1800, false, 0, u"open",
     true, u"bob", u"yes"},
    {u"Emily Clarke", u"Thank you so much!!", 2600, false, 0, u"resolved", false, u"bob", u"yes"},
    {u"Noah Williams", u"Do you offer a weekly subscription for the office?", 3100, true, 2,
     u"open", false, u"", u"yes"},
    {u"Aisha Bello", u"Yes please, card ending 4421", 4300, false, 0, u"open", false, u"alice",
     u"yes"},
    {u"Marco Bianchi", u"Is parking available near the shop?", 5200, false, 0, u"resolved", false,
     u"", u"unknown"},
    {u"Lena Fischer", u"Received, lovely work", 7000, true, 0, u"resolved", false, u"alice",
     u"yes"},
    {u"Ryan O'Connor", u"Can you do same-day delivery to the hospital?", 8600, false, 1, u"open",
     true, u"", u"yes"},
    {u"Yuki Tanaka", u"Ordered online, just confirming the date", 9900, true, 0, u"open", false,
     u"bob", u"yes"},
    {u"", u"Who is this?", 12000, false, 0, u"resolved", false, u"", u"no"},
    {u"Isabella Costa", u"Great, I'll pick up at noon", 15000, false, 0, u"resolved", false,
     u"alice", u"yes"},
    {u"Samuel Okafor", u"How much for a sympathy wreath?", 21000, true, 0, u"open", false, u"",
     u"yes"},
    {u"Chloe Dubois", u"Thanks again", 30000, false, 0, u"resolved", false, u"bob", u"yes"},
    {u"Ethan Park", u"Please call me back when you can", 42000, false, 0, u"open", false, u"alice",
     u"unknown"},
    {u"Zoe Mitchell", u"Merci!", 60000, true, 0, u"resolved", false, u"", u"yes"},
    {u"Benjamin Lee", u"Can I change the delivery to Friday?", 90000, false, 0, u"open", false, u"",
     u"yes"},
};

QString customerNumber(int i)
{
    // Real-looking US numbers (NANP area codes) so formatting shows as people expect.
    static const char16_t *const Areas[] = {u"415", u"650", u"510", u"408", u"707"};
    return u"+1"_s + QString::fromUtf16(Areas[i % 5]) + u"2"_s +
           QString::number(300000 + i * 7919).right(6);
}

} // namespace

class TstInboxPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filterButtonsShowCounts();
    void filterButtonSwitches();
    void countsFollowThreadsChanged();
    void jkMovesCurrentRow();
    void enterActivates();
    void escapeClears();
    void relativeTime_data();
    void relativeTime();
    void snoozedBadgeAndFilter();
    void snoozeText_data();
    void snoozeText();
    void clockText_data();
    void clockText();
    void screenshot();

private:
    void seed();
    QPushButton *button(const char *name) const
    {
        return m_page->findChild<QPushButton *>(QString::fromLatin1(name));
    }
    int sqlCount(const QString &where) const
    {
        // where is one of this test's literals, never data.
        return StoreTestUtil::scalar(
                   m_fx->db(), u"SELECT count(*) FROM threads WHERE account_id = 1 AND "_s + where)
            .toInt();
    }

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<ThreadListModel> m_model;
    std::unique_ptr<InboxPage> m_page;
};

void TstInboxPage::seed()
{
    const int n = int(std::size(Seeds));
    for (int i = 0; i < n; ++i) {
        const Seed &s = Seeds[i];
        const QString c = customerNumber(i);
        const QString ours = s.sales ? ThreadFixture::Sales : ThreadFixture::Support;
        const QDateTime last = Now.addSecs(-qint64(s.minutesAgo) * 60);
        QList<MessageRecord> page;
        // A reply from us first, then the customer's unread messages ending with the preview.
        page.append(ThreadFixture::message(c, ours, u"Hi! This is Bloom Florists."_s,
                                           last.addSecs(-600), false));
        for (int u = s.unread - 1; u >= 1; --u)
            page.append(ThreadFixture::message(c, ours, u"…"_s, last.addSecs(-u * 30)));
        page.append(ThreadFixture::message(c, ours, QString::fromUtf16(s.preview), last, true));
        QVERIFY(m_fx->upsert(ThreadFixture::AccountA, page));
        const qint64 id = m_fx->threadId(ThreadFixture::AccountA, c, ours);
        QVERIFY(id > 0);
        QVERIFY(m_fx->setThread(id, QString::fromUtf16(s.status), s.flagged,
                                QString::fromUtf16(s.assignee)));
        QVERIFY(m_fx->exec(u"UPDATE threads SET unread_count = ? WHERE id = ?"_s, {s.unread, id})
                    .isActive());
        const QString name = QString::fromUtf16(s.name);
        if (!name.isEmpty() || QString::fromUtf16(s.textEnabled) != u"unknown")
            QVERIFY(m_fx->setContact(ThreadFixture::AccountA, c, name,
                                     QString::fromUtf16(s.textEnabled)));
    }
    // Another account's thread, which must never show.
    QVERIFY(m_fx->upsert(ThreadFixture::AccountB,
                         {ThreadFixture::message(customerNumber(0), ThreadFixture::Bakery,
                                                 u"other account"_s, Now)}));
}

void TstInboxPage::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    seed();
    m_model = std::make_unique<ThreadListModel>(m_fx->db(), Me);
    m_model->setAccount(ThreadFixture::AccountA);
    m_page = std::make_unique<InboxPage>(m_model.get());
    m_page->listView()->delegate()->setNow(Now);
    m_page->resize(1000, 640);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->listView()->setFocus();
}

void TstInboxPage::cleanup()
{
    m_page.reset();
    m_model.reset();
    m_fx.reset();
}

void TstInboxPage::filterButtonsShowCounts()
{
    const QList<QPair<const char *, QPair<QString, QString>>> expected = {
        {"filterUnresolved", {u"Unresolved"_s, u"status = 'open'"_s}},
        {"filterMine", {u"Mine"_s, u"status = 'open' AND assignee = 'alice'"_s}},
        {"filterUnassigned", {u"Unassigned"_s, u"status = 'open' AND assignee = ''"_s}},
        {"filterFlagged", {u"Flagged"_s, u"flagged = 1"_s}},
        {"filterAll", {u"All"_s, u"1"_s}},
        {"filterResolved", {u"Resolved"_s, u"status = 'resolved'"_s}},
    };
    for (const auto &[name, textAndWhere] : expected) {
        QPushButton *b = button(name);
        QVERIFY2(b, name);
        QCOMPARE(b->text(),
                 textAndWhere.first + u' ' + QString::number(sqlCount(textAndWhere.second)));
    }
    QVERIFY(button("filterUnresolved")->isChecked());
}

void TstInboxPage::filterButtonSwitches()
{
    QTest::mouseClick(button("filterResolved"), Qt::LeftButton);
    QVERIFY(button("filterResolved")->isChecked());
    QVERIFY(!button("filterUnresolved")->isChecked());
    QCOMPARE(m_model->filter(), Filter::Resolved);
    QCOMPARE(m_model->rowCount(), sqlCount(u"status = 'resolved'"_s));
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->index(row).data(ThreadListModel::StatusRole).toString(), u"resolved"_s);
    QTest::mouseClick(button("filterAll"), Qt::LeftButton);
    QCOMPARE(m_model->rowCount(), sqlCount(u"1"_s));
}

void TstInboxPage::countsFollowThreadsChanged()
{
    const qint64 id = m_model->threadIdAt(0);
    const int before = sqlCount(u"status = 'resolved'"_s);
    QVERIFY(m_fx->exec(u"UPDATE threads SET status = 'resolved' WHERE id = ?"_s, {id}).isActive());
    m_model->threadsChanged({id});
    QCOMPARE(button("filterResolved")->text(), u"Resolved "_s + QString::number(before + 1));
    QCOMPARE(button("filterUnresolved")->text(),
             u"Unresolved "_s + QString::number(sqlCount(u"status = 'open'"_s)));
}

void TstInboxPage::jkMovesCurrentRow()
{
    ThreadListView *list = m_page->listView();
    list->setCurrentIndex({}); // focusing a view makes its first row current
    QVERIFY(!list->currentIndex().isValid());
    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(list->currentIndex().row(), 0);
    QTest::keyClick(list, Qt::Key_J);
    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(list->currentIndex().row(), 2);
    QTest::keyClick(list, Qt::Key_K);
    QCOMPARE(list->currentIndex().row(), 1);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentIndex().row(), 2);
    QTest::keyClick(list, Qt::Key_Up);
    QTest::keyClick(list, Qt::Key_K);
    QTest::keyClick(list, Qt::Key_K); // stays on the first row
    QCOMPARE(list->currentIndex().row(), 0);
}

void TstInboxPage::enterActivates()
{
    ThreadListView *list = m_page->listView();
    QSignalSpy activated(m_page.get(), &InboxPage::threadActivated);
    list->setCurrentIndex({});             // focusing a view makes its first row current
    QTest::keyClick(list, Qt::Key_Return); // nothing current yet
    QCOMPARE(activated.size(), 0);
    QTest::keyClick(list, Qt::Key_J);
    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(list->currentIndex().row(), 1);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toLongLong(), m_model->threadIdAt(1));
    QVERIFY(m_model->threadIdAt(1) > 0);
}

void TstInboxPage::escapeClears()
{
    ThreadListView *list = m_page->listView();
    QTest::keyClick(list, Qt::Key_J);
    QVERIFY(list->selectionModel()->hasSelection());
    QTest::keyClick(list, Qt::Key_Escape);
    QVERIFY(!list->selectionModel()->hasSelection());
    QVERIFY(!list->currentIndex().isValid());
}

void TstInboxPage::relativeTime_data()
{
    QTest::addColumn<qint64>("secondsAgo");
    QTest::addColumn<QString>("expected");
    const QLocale locale;
    const auto day = [&](qint64 secondsAgo) -> QString {
        return locale.dayName(Now.addSecs(-secondsAgo).toLocalTime().date().dayOfWeek(),
                              QLocale::ShortFormat);
    };
    const auto monthDay = [&](qint64 secondsAgo) -> QString {
        const QDate d = Now.addSecs(-secondsAgo).toLocalTime().date();
        return locale.monthName(d.month(), QLocale::ShortFormat) + u' ' + QString::number(d.day());
    };
    QTest::newRow("seconds") << qint64(20) << u"now"_s;
    QTest::newRow("minutes") << qint64(5 * 60 + 10) << u"5m"_s;
    QTest::newRow("hours") << qint64(3 * 3600 + 59) << u"3h"_s;
    QTest::newRow("days") << qint64(3 * 86400) << day(3 * 86400);
    QTest::newRow("weeks") << qint64(20 * 86400) << monthDay(20 * 86400);
    const qint64 lastYear = 400 * 86400;
    const QDate d = Now.addSecs(-lastYear).toLocalTime().date();
    QTest::newRow("last year") << lastYear
                               << monthDay(lastYear) + u", "_s + QString::number(d.year());
}

void TstInboxPage::relativeTime()
{
    QFETCH(qint64, secondsAgo);
    QFETCH(QString, expected);
    QCOMPARE(ThreadListDelegate::relativeTime(Now.addSecs(-secondsAgo), Now), expected);
}

void TstInboxPage::snoozedBadgeAndFilter()
{
    m_model->setClock([] { return Now.toMSecsSinceEpoch(); });
    // Snooze the first unresolved thread for two hours.
    const qint64 id = m_model->threadIdAt(0);
    const QDateTime until = Now.addSecs(2 * 3600);
    QVERIFY(m_fx->exec(u"UPDATE threads SET snoozed_until = ? WHERE id = ?"_s,
                       {until.toMSecsSinceEpoch(), id})
                .isActive());
    m_model->threadsChanged({id});
    QPushButton *snoozed = button("filterSnoozed");
    QVERIFY(snoozed);
    const int expected =
        StoreTestUtil::scalar(m_fx->db(),
                              u"SELECT count(*) FROM threads WHERE account_id = 1 AND "
                              u"status = 'open' AND snoozed_until > ?"_s,
                              {Now.toMSecsSinceEpoch()})
            .toInt();
    QCOMPARE(expected, 1);
    QCOMPARE(snoozed->text(), InboxPage::filterName(Filter::Snoozed) + u' ' + QString::number(1));
    QCOMPARE(m_model->rowOf(id), -1); // out of Unresolved while it sleeps

    QTest::mouseClick(snoozed, Qt::LeftButton);
    QCOMPARE(m_model->rowCount(), 1);
    ThreadListDelegate *delegate = m_page->listView()->delegate();
    const QModelIndex row = m_model->index(0);
    QCOMPARE(row.data(ThreadListModel::ThreadIdRole).toLongLong(), id);
    QStringList snoozeTexts;
    for (const ThreadListDelegate::Pill &pill : delegate->pills(row)) {
        if (pill.kind == ThreadListDelegate::Pill::Kind::Snoozed)
            snoozeTexts << pill.text;
    }
    // The wake-up time in this desktop's local time, as the agent reads clocks.
    const QString time = ThreadListDelegate::clockText(until.toLocalTime().time());
    QCOMPARE(snoozeTexts.size(), 1);
    QVERIFY2(snoozeTexts.first().startsWith(u"Snoozed until "_s) &&
                 snoozeTexts.first().endsWith(time),
             qPrintable(snoozeTexts.first()));

    // No other row has the badge.
    QTest::mouseClick(button("filterAll"), Qt::LeftButton);
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex other = m_model->index(r);
        const bool isSnoozed = other.data(ThreadListModel::ThreadIdRole).toLongLong() == id;
        int badges = 0;
        for (const ThreadListDelegate::Pill &pill : delegate->pills(other))
            badges += pill.kind == ThreadListDelegate::Pill::Kind::Snoozed ? 1 : 0;
        QCOMPARE(badges, isSnoozed ? 1 : 0);
    }
    if (const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        Theme::apply(*qApp);
        QTest::mouseClick(snoozed, Qt::LeftButton);
        m_page->listView()->setCurrentIndex(m_model->index(0));
        QDir().mkpath(dir);
        QVERIFY(m_page->grab().save(dir + u"/inbox-snoozed.png"_s));
        qApp->setStyleSheet({});
    }
}

void TstInboxPage::snoozeText_data()
{
    QTest::addColumn<QDateTime>("until");
    QTest::addColumn<QString>("when"); // '' for no badge
    const QLocale locale;
    const auto time = [&](const QDateTime &at) {
        return ThreadListDelegate::clockText(at.toLocalTime().time());
    };
    // Noon local time today, so that an hour either way stays within the day.
    const QDateTime noon(Now.toLocalTime().date(), QTime(12, 0));
    const QDateTime later = noon.addSecs(3600);
    QTest::newRow("later today") << later << time(later);
    const QDateTime inThree = noon.addDays(3);
    QTest::newRow("this week") << inThree
                               << locale.dayName(inThree.date().dayOfWeek(), QLocale::ShortFormat) +
                                      u' ' + time(inThree);
    const QDateTime inMonth = noon.addDays(30);
    QTest::newRow("next month") << inMonth
                                << locale.monthName(inMonth.date().month(), QLocale::ShortFormat) +
                                       u' ' + QString::number(inMonth.date().day()) + u", "_s +
                                       time(inMonth);
    QTest::newRow("over") << noon.addSecs(-3600) << QString();
    QTest::newRow("never") << QDateTime() << QString();
}

void TstInboxPage::clockText_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("C") << u"C"_s << QTime(19, 30, 12) << u"19:30"_s;
    QTest::newRow("en_US") << u"en_US"_s << QTime(19, 30, 12) << u"7:30\u202fPM"_s;
    QTest::newRow("de_DE") << u"de_DE"_s << QTime(9, 5) << u"09:05"_s;
}

void TstInboxPage::clockText()
{
    QFETCH(QString, locale);
    QFETCH(QTime, time);
    QFETCH(QString, expected);
    const QLocale previous;
    QLocale::setDefault(QLocale(locale));
    const QString text = ThreadListDelegate::clockText(time);
    QLocale::setDefault(previous);
    // CLDR versions differ in the space before AM/PM: compare with plain spaces.
    QCOMPARE(QString(text).replace(u'\u202f', u' '), QString(expected).replace(u'\u202f', u' '));
}

void TstInboxPage::snoozeText()
{
    QFETCH(QDateTime, until);
    QFETCH(QString, when);
    const QDateTime now(Now.toLocalTime().date(), QTime(12, 0));
    QCOMPARE(ThreadListDelegate::snoozeText(until, now),
             when.isEmpty() ? QString() : QString(u"Snoozed until "_s + when));
}

void TstInboxPage::screenshot()
{
    Theme::apply(*qApp);
    QTest::mouseClick(button("filterAll"), Qt::LeftButton);
    QTest::keyClick(m_page->listView(), Qt::Key_J);
    QTest::keyClick(m_page->listView(), Qt::Key_J);
    const QPixmap shot = m_page->grab();
    QVERIFY(!shot.isNull());
    QCOMPARE(shot.size(), m_page->size() * shot.devicePixelRatio());
    // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/inbox.png"_s));
    }
    qApp->setStyleSheet({});
}

QTEST_MAIN(TstInboxPage)
#include "tst_inboxpage.moc"
