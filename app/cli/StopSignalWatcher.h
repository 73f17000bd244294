// Turns SIGTERM/SIGINT into a Qt signal through a socket pair, so `serve` stops from its event
// loop (nothing is done inside the signal handler but one write).
#pragma once

#include <QObject>

class QSocketNotifier;

class StopSignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit StopSignalWatcher(QObject *parent = nullptr);
    ~StopSignalWatcher() override;

    bool isWatching() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};
