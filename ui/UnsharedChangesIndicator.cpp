#include "UnsharedChangesIndicator.h"

#include "ChangeFeed.h"
#include "ChangeSet.h"
#include "StoreReader.h"
#include "SyncStatusWidget.h"
#include "TeamOutboxRows.h"

UnsharedChangesIndicator::UnsharedChangesIndicator(const StoreReader &reader, ChangeFeed *feed,
                                                   SyncStatusWidget *status, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_status(status)
{
    connect(feed, &ChangeFeed::changed, this, &UnsharedChangesIndicator::onChanges);
}

void UnsharedChangesIndicator::setAccount(qint64 accountId)
{
    m_accountId = accountId;
    refresh();
}

void UnsharedChangesIndicator::onChanges(const ChangeSet &changes)
{
    if (changes.touches(ChangeSet::Table::TeamOutbox))
        refresh();
}

void UnsharedChangesIndicator::refresh()
{
    m_status->setUnshared(m_accountId > 0 ? m_reader.make<TeamOutboxRows>().count(m_accountId) : 0);
}
