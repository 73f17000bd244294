// Asks the provider's Lookup whether customer numbers can receive texts: every number of the
// account's threads without a verdict (or with one older than the time-to-live) is looked up,
// a few per second, and the verdict is written to its contact.
#pragma once

#include "TokenBucket.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>

class ProviderClient;
class StoreWriter;

class LookupQueue : public QObject
{
    Q_OBJECT

public:
    LookupQueue(qint64 accountId, ProviderClient *client, StoreWriter *writer,
                QObject *parent = nullptr);

    void setRate(double lookupsPerSecond);
    void setTimeToLive(std::chrono::milliseconds ttl) { m_ttl = ttl; }

    // Marks recipients of 30006 delivery errors not text-enabled, then queues every number
    // that needs a Lookup.
    void scan();
    // An agent's "check again", or a number just typed: looked up next, whatever verdict
    // it has (a non-E.164 number, such as a short code, is ignored).
    void checkNow(const QString &number);
    int pendingCount() const { return int(m_queue.size()) + (m_inFlight ? 1 : 0); }

Q_SIGNALS:
    void checked(const QString &number, const QString &textEnabled, const QString &lineType);
    void idle();

private:
    void enqueue(const QStringList &numbers);
    void drain();
    void lookUp(const QString &number);
    static qint64 nowMs();

    qint64 m_accountId;
    ProviderClient *m_client;
    StoreWriter *m_writer;
    TokenBucket m_bucket;
    std::chrono::milliseconds m_ttl{std::chrono::hours(24 * 30)};
    QStringList m_queue;
    bool m_inFlight = false;
    QTimer m_wake;
};
