// Reads the account's Messaging Services and their sender pools from the provider into the
// profile (MessagingServiceRows), where the outbox finds which service a number sends
// through. A number newly found in a pool sends through its service (US A2P 10DLC traffic
// must); the Numbers page can switch that off per number or for the account. A connected
// desktop or `smsdesk-cli serve` reads the pools at each connect and then periodically
// (start()), so campaigns and "Send later…" know which numbers the provider can schedule for.
#pragma once

#include "MessagingServiceRows.h"

#include <QObject>
#include <QTimer>

#include <chrono>

#include <functional>

class ProviderClient;
class StoreWriter;

class MessagingServiceRefresh : public QObject
{
    Q_OBJECT

public:
    MessagingServiceRefresh(ProviderClient *provider, StoreWriter *writer, qint64 accountId,
                            QObject *parent = nullptr);

    // error empty on success; entries: the pools as now stored.
    using Done = std::function<void(const QString &error,
                                    const QList<MessagingServiceRows::Entry> &entries)>;
    void refresh(QObject *context, Done done);
    void setSendThrough(const QString &number, bool on, QObject *context, Done done);

    // Refreshes now, then every `every`; each outcome is told by refreshed().
    void start(std::chrono::milliseconds every);

Q_SIGNALS:
    // After each refresh of start(): error empty on success, `numbers` pooled numbers stored.
    void refreshed(const QString &error, int numbers);

private:
    void refreshNow();

    QTimer m_timer;
    ProviderClient *m_provider;
    StoreWriter *m_writer;
    qint64 m_accountId;
};
