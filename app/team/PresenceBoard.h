// Who of the team is online, and who views or types in which thread, from short-lived items of
// one Sync map (`presence`, in the team's Sync service): each desk keeps its own item (key: the
// desk's id) alive with a heartbeat and a short time to live, so a desk that goes away simply
// expires. Reads one page of the map per poll (the team log's cadence), writes at most once a
// second (less often in a large team: see teamGap); never blocks the GUI thread.
#pragma once

#include "ProviderError.h"
#include "ServiceBeacon.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

class ProviderClient;
class StoreWriter;

class PresenceBoard : public QObject
{
    Q_OBJECT

public:
    static inline const QString MapName = QStringLiteral("presence");
    // A desk that stopped beating disappears after this long.
    static constexpr int ItemTtlSeconds = 75;

    struct Entry
    {
        QString deskId;
        QString agentId;
        QString agentName;
        QString viewing; // thread key "customer|our"; '' when none is open
        bool typing = false;
        QDateTime at;                         // when the desk wrote it (its clock)
        std::optional<ServiceBeacon> service; // set on the item of a `serve` process
    };

    PresenceBoard(StoreWriter *writer, ProviderClient *client, qint64 accountId,
                  QObject *parent = nullptr);
    ~PresenceBoard() override;

    // Reads who this desk is, finds the map, writes the first heartbeat and reads the map.
    void start();
    void stop();

    // The thread this desk shows (a thread key, '' for none): shared at once.
    void setViewing(const QString &threadKey);
    // A keystroke in the composer: "typing" until TypingIdle passes without another.
    void noteTyping();
    // The reply went out or was abandoned.
    void stopTyping();
    // Reads the map now unless a read is under way or one ended less than MinPollGap ago
    // (connected to the team log's cycles, so it follows their cadence and backoff).
    void poll();
    // Re-reads this desk's name and agent (the roster may have changed).
    void refreshIdentity();
    // This desk is an always-on service: its item says so (host, since, duties) to the team.
    void setService(const ServiceBeacon &beacon);

    // Everyone else's desks that are online (this desk and services excluded), by agent name.
    QList<Entry> others() const;
    // The services of the team that are live (their item has not expired), by host.
    QList<ServiceBeacon> services() const { return m_services; }
    // The other desks viewing `threadKey` (typing ones first).
    QList<Entry> inThread(const QString &threadKey) const;
    QString deskId() const { return m_self.deskId; }
    bool isReady() const { return m_ready; }

    static QString threadKey(const QString &customerNumber, const QString &ourNumber);
    // The least time between two reads (or two writes) of one desk when `onlineDesks` share
    // the map: `least`, longer when together they would exceed ~15 a second (Sync: 20).
    static std::chrono::milliseconds gapFor(int onlineDesks, std::chrono::milliseconds least);

    // Tests and benches shorten these.
    void setHeartbeatPeriod(std::chrono::milliseconds period);
    void setTypingIdle(std::chrono::milliseconds idle) { m_typingIdle.setInterval(idle); }
    void setMinWriteGap(std::chrono::milliseconds gap) { m_minWriteGap = gap; }
    void setMinPollGap(std::chrono::milliseconds gap) { m_minPollGap = gap; }

Q_SIGNALS:
    // The others' presence changed (someone came, went, opened a thread, started typing, a
    // service started or stopped).
    void changed();
    void failed(const ProviderError &error);
    // This desk's item was written (tests and benches).
    void written();

private:
    void open();
    void write();
    void writeNow();
    void onWritten(bool ok, const ProviderError *error);
    void onRead(const QList<Entry> &entries);
    // After a failed request (429/54009, 5xx, offline) no request goes out for 2^n seconds
    // (at most 60) or what the provider's Retry-After says; a success ends it.
    void backOff(const ProviderError &error);
    bool backingOff() const;
    std::chrono::milliseconds teamGap(std::chrono::milliseconds least) const;
    QJsonObject itemData() const;

    StoreWriter *m_writer;
    ProviderClient *m_client;
    qint64 m_accountId;
    QString m_serviceSid;
    Entry m_self;
    QList<Entry> m_others;
    QList<ServiceBeacon> m_services;
    std::optional<ServiceBeacon> m_service; // this desk's, when it is a service
    bool m_running = false;
    bool m_ready = false; // the map is found and this desk is known
    bool m_writing = false;
    bool m_dirty = false; // a change waits for the write under way or for the gap
    bool m_created = false;
    bool m_reading = false;
    QTimer m_heartbeat;
    QTimer m_typingIdle;
    QTimer m_writeGap;
    QElapsedTimer m_lastWrite;
    QElapsedTimer m_lastRead;
    QElapsedTimer m_failedAt;
    qint64 m_backoffMs = 0;
    int m_failures = 0;
    std::chrono::milliseconds m_minWriteGap{1000};
    std::chrono::milliseconds m_minPollGap{1000};
};
