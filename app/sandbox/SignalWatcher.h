// Turns SIGINT/SIGTERM into a Qt signal through a self-pipe, so the sandbox stops cleanly
// (saving its state) from the event loop rather than inside a signal handler.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace sandbox {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sandbox
