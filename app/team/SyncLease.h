// A lease on one item of a Sync map of the team's service: who of the team does a duty (runs a
// campaign) until when. The same rules as the keyword claims (KeywordClaim, TEAM.md): create
// the item to take a free duty (409/54208: someone has it, read it); the holder renews it with
// If-Match before it runs out (a heartbeat); a lease that ran out is taken over with If-Match
// on the revision read (412/54205: another desktop was faster, read again). Clocks of the
// desktops are assumed within a few seconds of each other (NTP). Sync unreachable or rate
// limited: "unreachable", and the caller does not do the duty until it knows.
#pragma once

#include "ProviderClient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class SyncLease : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        enum class Kind
        {
            Held,       // ours until untilMs
            Elsewhere,  // another desktop's, still leased (holderName), until untilMs
            Unreachable // Sync could not be asked: retry after retryAtMs
        };
        Kind kind = Kind::Unreachable;
        qint64 untilMs = 0;
        qint64 retryAtMs = 0;
        // Held: newly ours (created, taken over, or found ours after a restart), not renewed.
        bool acquired = false;
        bool tookOver = false; // Held from another desktop whose lease ran out
        QString holderName;    // Elsewhere, or the previous holder when tookOver
    };
    using Done = std::function<void(const Result &)>;

    SyncLease(ProviderClient *client, QString mapName, QString deskId, QString deskName,
              qint64 leaseMs, QObject *parent = nullptr);

    qint64 leaseMs() const { return m_leaseMs; }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // Holds `key`: takes it when free or run out, renews it when ours and a quarter of the
    // lease has passed since the last renewal, answers from what it knows otherwise (no
    // request). `done` runs unless `context` is gone.
    void hold(const QString &key, QObject *context, Done done);
    // Gives it up (deleted): another desktop may take it at once.
    void release(const QString &key);
    // Whether `key` is ours with at least `marginMs` of the lease left, from what is known.
    bool holds(const QString &key, qint64 marginMs) const;

    int requests() const { return m_requests; }

private:
    struct Ask
    {
        QString key;
        QPointer<QObject> context;
        Done done;
        int rounds = 0;
    };
    struct Known
    {
        QString revision;
        qint64 untilMs = 0;
        qint64 renewedAtMs = 0;
    };
    void open(std::function<void(const std::optional<ProviderError> &)> then);
    void create(const Ask &ask);
    void inspect(const Ask &ask);
    void act(const Ask &ask, const SyncMapItem &item, bool acquired);
    void write(const Ask &ask, const SyncMapItem &item, bool tookOver, const QString &from);
    void unreachable(const Ask &ask, const ProviderError &error);
    void answer(const Ask &ask, const Result &result);
    QJsonObject mine() const;
    qint64 now() const { return m_now(); }

    ProviderClient *m_client;
    QString m_map;
    QString m_deskId;
    QString m_deskName;
    qint64 m_leaseMs;
    std::function<qint64()> m_now;
    QString m_serviceSid;
    QHash<QString, Known> m_ours;
    int m_failures = 0;
    int m_requests = 0;
};
