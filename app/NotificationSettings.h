// The desktop user's notification preferences in QSettings (group "notifications"). They are
// per desktop user, not per profile, and hold nothing secret.
#pragma once

#include "NotificationPolicy.h"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <optional>

class NotificationSettings
{
public:
    static constexpr int MinThreshold = 1;
    static constexpr int MaxThreshold = 100;
    static constexpr int MinWindowSeconds = 10;
    static constexpr int MaxWindowSeconds = 3600;

    // The stored preferences. A missing key keeps its default; a malformed or out-of-range
    // value keeps its default too, and problems (when given) gets one line naming the key,
    // the value and what was expected (also logged as a warning).
    static NotificationPolicy::Settings load(QSettings &settings, QStringList *problems = nullptr);
    static void save(QSettings &settings, const NotificationPolicy::Settings &values);

    // "every_message", "mine_and_unassigned", "off".
    static QString modeName(NotificationPolicy::Mode mode);
    static std::optional<NotificationPolicy::Mode> modeFromName(const QString &name);
};
