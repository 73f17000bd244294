// The team log on Twilio Sync: one Sync service per account (found or created by name) and
// one List in it, read by index. Items expire after `itemTtl` (snapshots carry older state).
#pragma once

#include "TeamLogTransport.h"

#include <QString>

#include <optional>

class ProviderClient;

class SyncListTransport : public TeamLogTransport
{
public:
    static inline const QString ServiceName = QStringLiteral("smsdesk");
    static inline const QString ListName = QStringLiteral("team-log");
    static constexpr int DefaultItemTtlSeconds = 30 * 24 * 3600;

    explicit SyncListTransport(ProviderClient *client, QString serviceName = ServiceName,
                               QString listName = ListName);

    void open(QObject *context, ProviderCallback<ProviderDone> done) override;
    void append(const QJsonObject &data, QObject *context, ProviderCallback<qint64> done) override;
    void readAfter(qint64 after, int pageSize, QObject *context,
                   ProviderCallback<Page> done) override;

    QString serviceSid() const { return m_serviceSid; }
    QString listSid() const { return m_listSid; }
    void setItemTtl(std::optional<int> seconds) { m_itemTtl = seconds; }

private:
    ProviderClient *m_client;
    QString m_serviceName;
    QString m_listName;
    QString m_serviceSid;
    QString m_listSid;
    std::optional<int> m_itemTtl = DefaultItemTtlSeconds;
};
