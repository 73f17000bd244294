// What an always-on `smsdesk-cli serve` tells the team about itself: on which host it runs,
// for which agent, since when, and which of the team's duties it does. It rides in the
// service's item of the presence map (same heartbeat and time to live as a desk's), so a
// desktop knows whether a service is live at no extra Sync read.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct ServiceBeacon
{
    // The duties a service may hold, as written in the item (stable words, not UI text).
    static inline const QString KeywordReplies = QStringLiteral("keyword_replies");
    static inline const QString Campaigns = QStringLiteral("campaigns");
    static inline const QString ScheduledMessages = QStringLiteral("scheduled_messages");
    static inline const QString Sync = QStringLiteral("sync");

    QString host;
    QString agentName;   // the roster name of the service's profile
    QDateTime startedAt; // UTC
    QStringList duties;  // the words above, in that order

    QJsonObject toJson() const;
    // nullopt when `json` is not a beacon (a desk's presence item has none).
    static std::optional<ServiceBeacon> fromJson(const QJsonObject &json);

    // "keyword replies, campaigns" (known duties in words; unknown ones as written).
    QString dutiesText() const;
    // The Team page's line: "Service on host-x live since 10:42: keyword replies, campaigns",
    // or, with none live, "No service running: this desktop answers keywords while it is
    // open". Several services: one line each, joined by "; ". Times in local time.
    static QString statusLine(const QList<ServiceBeacon> &live);
    // The status bar's short text: "Service live on host-x" / "No service".
    static QString shortText(const QList<ServiceBeacon> &live);

    friend bool operator==(const ServiceBeacon &, const ServiceBeacon &) = default;
};
