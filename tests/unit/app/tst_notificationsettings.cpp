#include "NotificationSettings.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Mode = NotificationPolicy::Mode;
using Settings = NotificationPolicy::Settings;

class TestNotificationSettings : public QObject
{
    Q_OBJECT

private:
    QString path() const { return m_dir.filePath(u"prefs.ini"_s); }
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init() { QFile::remove(path()); }

    void roundTrip_data()
    {
        QTest::addColumn<Settings>("values");
        QTest::newRow("defaults") << Settings{};
        Settings mine;
        mine.mode = Mode::MineAndUnassigned;
        mine.digestWhenBusy = false;
        mine.digestThreshold = 10;
        mine.digestWindowSeconds = 300;
        QTest::newRow("mine, no digest") << mine;
        Settings night;
        night.mode = Mode::Off;
        night.doNotDisturb = true;
        night.dndStart = QTime(23, 15);
        night.dndEnd = QTime(6, 30);
        night.sound = false;
        QTest::newRow("off, quiet nights, silent") << night;
    }

    void roundTrip()
    {
        QFETCH(Settings, values);
        {
            QSettings settings(path(), QSettings::IniFormat);
            NotificationSettings::save(settings, values);
        }
        QSettings settings(path(), QSettings::IniFormat);
        QStringList problems;
        QCOMPARE(NotificationSettings::load(settings, &problems), values);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void badValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown mode") << u"mode"_s << u"everything"_s;
        QTest::newRow("threshold zero") << u"digestThreshold"_s << u"0"_s;
        QTest::newRow("threshold not a number") << u"digestThreshold"_s << u"three"_s;
        QTest::newRow("window too long") << u"digestWindowSeconds"_s << u"86400"_s;
        QTest::newRow("not a boolean") << u"sound"_s << u"maybe"_s;
        QTest::newRow("time with seconds") << u"doNotDisturbEnd"_s << u"07:00:00x"_s;
        QTest::newRow("hour out of range") << u"doNotDisturbStart"_s << u"24:00"_s;
    }

    void badValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        Settings custom;
        custom.mode = Mode::MineAndUnassigned;
        custom.digestThreshold = 7;
        custom.digestWindowSeconds = 120;
        custom.sound = false;
        custom.dndStart = QTime(20, 0);
        custom.dndEnd = QTime(8, 0);
        {
            QSettings settings(path(), QSettings::IniFormat);
            NotificationSettings::save(settings, custom);
            settings.setValue(u"notifications/"_s + key, value);
        }
        QSettings settings(path(), QSettings::IniFormat);
        QStringList problems;
        const Settings loaded = NotificationSettings::load(settings, &problems);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems[0].contains(u"notifications/"_s + key + u" is \""_s + value + u'"'),
                 qPrintable(problems[0]));
        // The bad key falls back to its default; every other key keeps what was saved.
        const Settings defaults;
        Settings expected = custom;
        if (key == u"mode")
            expected.mode = defaults.mode;
        else if (key == u"digestThreshold")
            expected.digestThreshold = defaults.digestThreshold;
        else if (key == u"digestWindowSeconds")
            expected.digestWindowSeconds = defaults.digestWindowSeconds;
        else if (key == u"sound")
            expected.sound = defaults.sound;
        else if (key == u"doNotDisturbEnd")
            expected.dndEnd = defaults.dndEnd;
        else if (key == u"doNotDisturbStart")
            expected.dndStart = defaults.dndStart;
        QCOMPARE(loaded, expected);
    }

    void modeNames()
    {
        for (const Mode mode : {Mode::EveryMessage, Mode::MineAndUnassigned, Mode::Off})
            QCOMPARE(NotificationSettings::modeFromName(NotificationSettings::modeName(mode)),
                     mode);
        QCOMPARE(NotificationSettings::modeFromName(u"Off"_s), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestNotificationSettings)
#include "tst_notificationsettings.moc"
