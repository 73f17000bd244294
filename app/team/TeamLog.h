// Keeps one account's desktop in step with its team: appends the changes made here to the
// team log, reads the log after the position this profile reached and applies it in order
// (TeamLogWriter, on the writer thread), polls at a cadence that keeps the whole team inside
// Sync's read budget, backs off when the provider says so. It never blocks the GUI thread.
#pragma once

#include "ProviderError.h"
#include "TeamLogTransport.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

class StoreWriter;
class TeamSnapshotter;

class TeamLog : public QObject
{
    Q_OBJECT

public:
    TeamLog(StoreWriter *writer, TeamLogTransport *transport, qint64 accountId,
            QObject *parent = nullptr);

    // Opens the log and starts the cycle (push, pull, wait).
    void start();
    void stop();
    // Runs a cycle now (after a change made here, or before a send).
    void syncNow();
    // Calls `done(true)` once this desktop has read the log to its end within the last
    // `maxAgeMs` (reading it now when it must), `done(false)` when it cannot (offline): a send
    // that depends on the team's consent state waits for this.
    void ensureFresh(qint64 maxAgeMs, QObject *context, std::function<void(bool)> done);

    // The poll period for a team of `desktops` (all of them together stay under ~15 reads per
    // second on the list, Sync allowing 20): at least the base period.
    static std::chrono::milliseconds
    pollPeriod(int desktops, std::chrono::milliseconds base = std::chrono::seconds(2));
    void setBasePeriod(std::chrono::milliseconds period) { m_basePeriod = period; }
    // The team's size as the roster says (read at every cycle); tests may set it.
    void setTeamSize(int desktops) { m_teamSize = qMax(1, desktops); }

    // Snapshots: with one, a desktop without a position (or one that finds the log's oldest
    // items expired before it read them) starts from the newest snapshot, and this desktop
    // writes snapshots as the log grows. Without one, it replays the log.
    void setSnapshotter(TeamSnapshotter *snapshotter) { m_snapshotter = snapshotter; }

    bool isRunning() const { return m_running; }
    // When the last cycle read the log to its end (invalid: never this session).
    QDateTime lastPulled() const { return m_lastPulled; }
    // Since when the log could not be reached (invalid: it can).
    QDateTime offlineSince() const { return m_offlineSince; }

Q_SIGNALS:
    // A cycle ended: ok false when the provider or the store failed (see error).
    void cycleFinished(bool ok);
    // The log gave this desktop changes made elsewhere.
    void changesApplied(int count);
    void failed(const ProviderError &error);

private:
    void cycle();
    void push();
    void pushOne(const QList<QPair<QString, QJsonObject>> &queue);
    // Reads the log after this desktop's position (from a snapshot first when it has none).
    void readLog();
    void bootstrap(qint64 needed);
    void pull(qint64 after);
    void onPage(const ProviderResult<TeamLogTransport::Page> &result);
    void finish(bool ok, const ProviderError *error = nullptr);
    void schedule(std::chrono::milliseconds delay);

    StoreWriter *m_writer;
    TeamLogTransport *m_transport;
    qint64 m_accountId;
    QTimer m_timer;
    bool m_running = false;
    bool m_opened = false;
    bool m_inCycle = false;
    bool m_again = false; // syncNow() during a cycle: run another when it ends
    int m_teamSize = 1;
    int m_failures = 0;
    std::chrono::milliseconds m_basePeriod{std::chrono::seconds(2)};
    QDateTime m_lastPulled;
    QDateTime m_offlineSince;
    qint64 m_appliedIndex = -1;
    qint64 m_pullAfter = -1;
    TeamSnapshotter *m_snapshotter = nullptr;
    bool m_bootstrapTried = false; // this session, for a desktop without a position
    // This session has read the log once before appending what an earlier one queued.
    bool m_caughtUp = false;
    bool m_catchingUp = false;
    bool m_gapTried = false;     // this cycle, for items expired before they were read
    bool m_fromSnapshot = false; // the position is a snapshot's, not an item read here
    qint64 m_cycleNumber = 0;    // cycles started this session
    struct Waiter
    {
        qint64 needsCycle; // a cycle that started after the wait began
        QPointer<QObject> context;
        std::function<void(bool)> done;
    };
    QList<Waiter> m_waiters;
};
