// Keeps the status bar's "2 changes not yet shared" line of the shown account: a change made
// here is applied at once and waits in the profile until the team log gives it back. It
// follows the change feed (the team outbox's rows), so an offline desktop shows its queue grow.
#pragma once

#include <QObject>

class ChangeFeed;
class ChangeSet;
class StoreReader;
class SyncStatusWidget;

class UnsharedChangesIndicator : public QObject
{
    Q_OBJECT

public:
    // None is owned; all outlive the indicator.
    UnsharedChangesIndicator(const StoreReader &reader, ChangeFeed *feed, SyncStatusWidget *status,
                             QObject *parent = nullptr);

    void setAccount(qint64 accountId);

private:
    void onChanges(const ChangeSet &changes);
    void refresh();

    const StoreReader &m_reader;
    SyncStatusWidget *m_status;
    qint64 m_accountId = 0;
};
