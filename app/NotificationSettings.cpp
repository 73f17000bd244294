#include "NotificationSettings.h"

#include "AppLogging.h"

using namespace Qt::StringLiterals;
using Mode = NotificationPolicy::Mode;

namespace {

const QString Group = u"notifications"_s;
const QString TimeFormat = u"HH:mm"_s;

class Reader
{
public:
    Reader(QSettings &settings, QStringList *problems)
        : m_settings(settings)
        , m_problems(problems)
    {}

    bool boolean(const QString &key, bool fallback)
    {
        const QVariant value = m_settings.value(key);
        if (!value.isValid())
            return fallback;
        const QString text = value.toString().trimmed().toLower();
        if (text == u"true" || text == u"1")
            return true;
        if (text == u"false" || text == u"0")
            return false;
        problem(key, text, u"true or false"_s);
        return fallback;
    }

    int integer(const QString &key, int fallback, int min, int max)
    {
        const QVariant value = m_settings.value(key);
        if (!value.isValid())
            return fallback;
        bool ok = false;
        const int n = value.toString().trimmed().toInt(&ok);
        if (!ok || n < min || n > max) {
            problem(key, value.toString(), u"a whole number from %1 to %2"_s.arg(min).arg(max));
            return fallback;
        }
        return n;
    }

    QTime time(const QString &key, const QTime &fallback)
    {
        const QVariant value = m_settings.value(key);
        if (!value.isValid())
            return fallback;
        const QTime t = QTime::fromString(value.toString().trimmed(), TimeFormat);
        if (!t.isValid()) {
            problem(key, value.toString(), u"a time as HH:mm, e.g. 22:00"_s);
            return fallback;
        }
        return t;
    }

    Mode mode(const QString &key, Mode fallback)
    {
        const QVariant value = m_settings.value(key);
        if (!value.isValid())
            return fallback;
        if (const auto mode = NotificationSettings::modeFromName(value.toString().trimmed()))
            return *mode;
        problem(key, value.toString(), u"every_message, mine_and_unassigned or off"_s);
        return fallback;
    }

private:
    void problem(const QString &key, const QString &value, const QString &expected)
    {
        const QString line = u"Notification setting %1/%2 is \"%3\"; expected %4. Using the "
                             u"default."_s.arg(Group, key, value, expected);
        qCWarning(lcSettings).noquote() << line;
        if (m_problems)
            m_problems->append(line);
    }

    QSettings &m_settings;
    QStringList *m_problems;
};

} // namespace

NotificationPolicy::Settings NotificationSettings::load(QSettings &settings, QStringList *problems)
{
    const NotificationPolicy::Settings defaults;
    NotificationPolicy::Settings s;
    settings.beginGroup(Group);
    Reader r(settings, problems);
    s.mode = r.mode(u"mode"_s, defaults.mode);
    s.digestWhenBusy = r.boolean(u"digestWhenBusy"_s, defaults.digestWhenBusy);
    s.digestThreshold =
        r.integer(u"digestThreshold"_s, defaults.digestThreshold, MinThreshold, MaxThreshold);
    s.digestWindowSeconds = r.integer(u"digestWindowSeconds"_s, defaults.digestWindowSeconds,
                                      MinWindowSeconds, MaxWindowSeconds);
    s.doNotDisturb = r.boolean(u"doNotDisturb"_s, defaults.doNotDisturb);
    s.dndStart = r.time(u"doNotDisturbStart"_s, defaults.dndStart);
    s.dndEnd = r.time(u"doNotDisturbEnd"_s, defaults.dndEnd);
    s.sound = r.boolean(u"sound"_s, defaults.sound);
    settings.endGroup();
    return s;
}

void NotificationSettings::save(QSettings &settings, const NotificationPolicy::Settings &values)
{
    settings.beginGroup(Group);
    settings.setValue(u"mode"_s, modeName(values.mode));
    settings.setValue(u"digestWhenBusy"_s, values.digestWhenBusy);
    settings.setValue(u"digestThreshold"_s, values.digestThreshold);
    settings.setValue(u"digestWindowSeconds"_s, values.digestWindowSeconds);
    settings.setValue(u"doNotDisturb"_s, values.doNotDisturb);
    settings.setValue(u"doNotDisturbStart"_s, values.dndStart.toString(TimeFormat));
    settings.setValue(u"doNotDisturbEnd"_s, values.dndEnd.toString(TimeFormat));
    settings.setValue(u"sound"_s, values.sound);
    settings.endGroup();
}

QString NotificationSettings::modeName(Mode mode)
{
    switch (mode) {
    case Mode::EveryMessage:
        return u"every_message"_s;
    case Mode::MineAndUnassigned:
        return u"mine_and_unassigned"_s;
    case Mode::Off:
        return u"off"_s;
    }
    return {};
}

std::optional<Mode> NotificationSettings::modeFromName(const QString &name)
{
    for (const Mode mode : {Mode::EveryMessage, Mode::MineAndUnassigned, Mode::Off}) {
        if (modeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}
