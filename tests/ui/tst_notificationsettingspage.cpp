#include "NotificationSettings.h"
#include "NotificationSettingsPage.h"
#include "Theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QtTest>

using namespace Qt::StringLiterals;
using Mode = NotificationPolicy::Mode;

class TestNotificationSettingsPage : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static T *find(QWidget *page, const char16_t *name)
    {
        auto *w = page->findChild<T *>(QString::fromUtf16(name));
        if (!w)
            qWarning("no widget %s", qPrintable(QString::fromUtf16(name)));
        return w;
    }

    QString iniPath() const { return m_dir.filePath(u"smsdesk.ini"_s); }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { QFile::remove(iniPath()); }

    void showsDefaultsWhenNothingIsStored()
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        NotificationSettingsPage page(&settings);
        const NotificationPolicy::Settings defaults;
        QCOMPARE(page.values(), defaults);
        QVERIFY(find<QRadioButton>(&page, u"modeEvery")->isChecked());
        QCOMPARE(find<QSpinBox>(&page, u"digestThreshold")->value(), defaults.digestThreshold);
        QCOMPARE(find<QTimeEdit>(&page, u"doNotDisturbStart")->time(), defaults.dndStart);
        QVERIFY(!find<QTimeEdit>(&page, u"doNotDisturbStart")->isEnabled()); // DND off
        QVERIFY(find<QLabel>(&page, u"notificationSettingsProblems")->isHidden());
    }

    void savesEveryChangeAndReloads()
    {
        NotificationPolicy::Settings expected;
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            NotificationSettingsPage page(&settings);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QSignalSpy changed(&page, &NotificationSettingsPage::settingsChanged);

            QTest::mouseClick(find<QRadioButton>(&page, u"modeMineAndUnassigned"), Qt::LeftButton);
            QSpinBox *threshold = find<QSpinBox>(&page, u"digestThreshold");
            threshold->setFocus();
            threshold->selectAll();
            QTest::keyClicks(threshold, u"5"_s);
            QTest::mouseClick(find<QCheckBox>(&page, u"doNotDisturb"), Qt::LeftButton);
            QTimeEdit *start = find<QTimeEdit>(&page, u"doNotDisturbStart");
            QVERIFY(start->isEnabled());
            start->setTime(QTime(21, 30));
            find<QTimeEdit>(&page, u"doNotDisturbEnd")->setTime(QTime(6, 45));
            QTest::mouseClick(find<QCheckBox>(&page, u"sound"), Qt::LeftButton);

            expected.mode = Mode::MineAndUnassigned;
            expected.digestThreshold = 5;
            expected.doNotDisturb = true;
            expected.dndStart = QTime(21, 30);
            expected.dndEnd = QTime(6, 45);
            expected.sound = false;
            QCOMPARE(page.values(), expected);
            QVERIFY(changed.count() >= 6);
            QCOMPARE(changed.last().at(0).value<NotificationPolicy::Settings>(), expected);
        }
        // A fresh QSettings reads the file the page wrote.
        QSettings reread(iniPath(), QSettings::IniFormat);
        QCOMPARE(NotificationSettings::load(reread), expected);
        NotificationSettingsPage again(&reread);
        QCOMPARE(again.values(), expected);
        QVERIFY(find<QRadioButton>(&again, u"modeMineAndUnassigned")->isChecked());
        QVERIFY(!find<QCheckBox>(&again, u"sound")->isChecked());
    }

    void offDisablesTheRest()
    {
        QSettings settings(iniPath(), QSettings::IniFormat);
        NotificationSettingsPage page(&settings);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::mouseClick(find<QRadioButton>(&page, u"modeOff"), Qt::LeftButton);
        QCOMPARE(page.values().mode, Mode::Off);
        for (const char16_t *name : {u"digestWhenBusy", u"doNotDisturb", u"sound"})
            QVERIFY2(!find<QCheckBox>(&page, name)->isEnabled(),
                     qPrintable(QString::fromUtf16(name)));
        QCOMPARE(NotificationSettings::load(settings).mode, Mode::Off);
    }

    void malformedValuesAreNamed()
    {
        {
            QSettings settings(iniPath(), QSettings::IniFormat);
            settings.setValue(u"notifications/mode"_s, u"loud"_s);
            settings.setValue(u"notifications/doNotDisturbStart"_s, u"25:99"_s);
        }
        QSettings settings(iniPath(), QSettings::IniFormat);
        NotificationSettingsPage page(&settings);
        const QLabel *problems = find<QLabel>(&page, u"notificationSettingsProblems");
        QVERIFY(!problems->isHidden());
        QVERIFY(problems->text().contains(u"notifications/mode is \"loud\""_s));
        QVERIFY(problems->text().contains(u"notifications/doNotDisturbStart is \"25:99\""_s));
        QCOMPARE(page.values(), NotificationPolicy::Settings{});
    }

    void screenshot()
    {
        Theme::apply(*qApp);
        QSettings settings(iniPath(), QSettings::IniFormat);
        NotificationPolicy::Settings s;
        s.mode = Mode::MineAndUnassigned;
        s.doNotDisturb = true;
        NotificationSettings::save(settings, s);
        NotificationSettingsPage page(&settings);
        page.resize(720, 640);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QPixmap shot = page.grab();
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size(), page.size() * shot.devicePixelRatio());
        // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
        const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(shot.save(dir + u"/notification-settings.png"_s));
        }
        qApp->setStyleSheet({});
    }
};

QTEST_MAIN(TestNotificationSettingsPage)
#include "tst_notificationsettingspage.moc"
