#include "ThreadListModel.h"

#include "ChangeSet.h"
#include "ThreadCounter.h"

#include <QDateTime>
#include <QPointer>

#include <algorithm>

namespace {

QList<int> changedRoles(const ThreadRow &a, const ThreadRow &b)
{
    using M = ThreadListModel;
    QList<int> roles;
    if (a.customerName != b.customerName || a.customerDisplay != b.customerDisplay)
        roles << Qt::DisplayRole << M::CustomerNameRole;
    if (a.senderLabel != b.senderLabel)
        roles << M::SenderLabelRole;
    if (a.preview != b.preview)
        roles << M::PreviewRole;
    if (a.lastMessageAt != b.lastMessageAt)
        roles << M::LastAtRole;
    if (a.unreadCount != b.unreadCount)
        roles << M::UnreadRole;
    if (a.status != b.status)
        roles << M::StatusRole;
    if (a.flagged != b.flagged)
        roles << M::FlaggedRole;
    if (a.assignee != b.assignee)
        roles << M::AssigneeRole;
    if (a.textEnabled != b.textEnabled)
        roles << M::TextEnabledRole;
    if (a.snoozedUntil != b.snoozedUntil)
        roles << M::SnoozedUntilRole;
    return roles;
}

} // namespace

ThreadListModel::ThreadListModel(QSqlDatabase db, const QString &me, QObject *parent)
    : QAbstractListModel(parent)
    , m_query(std::move(db))
    , m_me(me)
{
    m_wakeTimer.setSingleShot(true);
    connect(&m_wakeTimer, &QTimer::timeout, this, &ThreadListModel::wakeSnoozed);
}

void ThreadListModel::setClock(ThreadQuery::Clock clock)
{
    m_query.setClock(std::move(clock));
    m_wokenUpTo = m_query.now();
}

int ThreadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ThreadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ThreadRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.customerName.isEmpty() ? r.customerDisplay : r.customerName;
    case Qt::AccessibleTextRole:
        return m_describe ? m_describe(index) : QVariant();
    case ThreadIdRole:
        return r.id;
    case CustomerNameRole:
        return r.customerName;
    case CustomerNumberRole:
        return r.customerNumber;
    case SenderLabelRole:
        return r.senderLabel;
    case SenderNumberRole:
        return r.senderNumber;
    case PreviewRole:
        return r.preview;
    case LastAtRole:
        return QDateTime::fromMSecsSinceEpoch(r.lastMessageAt, Qt::UTC);
    case UnreadRole:
        return r.unreadCount;
    case StatusRole:
        return r.status;
    case FlaggedRole:
        return r.flagged;
    case AssigneeRole:
        return r.assignee;
    case TextEnabledRole:
        return r.textEnabled;
    case CustomerDisplayRole:
        return r.customerDisplay;
    case SenderDisplayRole:
        return r.senderDisplay;
    case SnoozedUntilRole:
        return r.status == u"open" && r.snoozedUntil > m_query.now()
                   ? QDateTime::fromMSecsSinceEpoch(r.snoozedUntil, Qt::UTC)
                   : QDateTime();
    default:
        return {};
    }
}

QHash<int, QByteArray> ThreadListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{ThreadIdRole, "threadId"},
                  {CustomerNameRole, "customerName"},
                  {CustomerNumberRole, "customerNumber"},
                  {SenderLabelRole, "senderLabel"},
                  {SenderNumberRole, "senderNumber"},
                  {PreviewRole, "preview"},
                  {LastAtRole, "lastAt"},
                  {UnreadRole, "unread"},
                  {StatusRole, "status"},
                  {FlaggedRole, "flagged"},
                  {AssigneeRole, "assignee"},
                  {TextEnabledRole, "textEnabled"},
                  {CustomerDisplayRole, "customerDisplay"},
                  {SenderDisplayRole, "senderDisplay"},
                  {SnoozedUntilRole, "snoozedUntil"}});
    return names;
}

bool ThreadListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetching;
}

void ThreadListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    std::optional<ThreadQuery::Cursor> after;
    if (!m_rows.isEmpty())
        after = ThreadQuery::Cursor{m_rows.last().lastMessageAt, m_rows.last().id};
    const QList<ThreadRow> page = m_query.page(m_accountId, m_filter, m_me, after, PageSize);
    // A short page (or an error, which returns none) ends the list.
    m_hasMore = page.size() == PageSize;
    if (!page.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
        m_rows.append(page);
        for (const ThreadRow &row : page)
            m_keys.insert(row.id, row.lastMessageAt);
        endInsertRows();
    }
    m_fetching = false;
}

void ThreadListModel::setAccount(qint64 accountId)
{
    m_accountId = accountId;
    m_wokenUpTo = m_query.now();
    reload();
    refreshCounts();
    scheduleWake();
}

void ThreadListModel::setMe(const QString &me)
{
    if (me == m_me)
        return;
    m_me = me;
    reload();
    refreshCounts();
}

void ThreadListModel::setFilter(Filter filter)
{
    m_filter = filter;
    reload();
}

qint64 ThreadListModel::threadIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ThreadListModel::rowOf(qint64 threadId) const
{
    const auto key = m_keys.constFind(threadId);
    if (key == m_keys.constEnd())
        return -1;
    // Rows are sorted by their key: a binary search finds the row, no scan.
    ThreadRow probe;
    probe.id = threadId;
    probe.lastMessageAt = *key;
    const auto it =
        std::lower_bound(m_rows.cbegin(), m_rows.cend(), probe, &ThreadQuery::sortsBefore);
    return it != m_rows.cend() && it->id == threadId ? int(it - m_rows.cbegin()) : -1;
}

void ThreadListModel::applyChanges(const ChangeSet &changes)
{
    if (m_accountId == 0)
        return;
    QList<qint64> ids = ChangeSet::sorted(changes.threads());
    // A contact's name or text-enabled verdict shows in its threads' rows.
    if (changes.touches(ChangeSet::Table::Contacts)) {
        const QList<qint64> ofContacts =
            m_query.threadsOfContacts(m_accountId, changes.rowList(ChangeSet::Table::Contacts));
        for (const qint64 id : ofContacts) {
            if (!changes.threads().contains(id))
                ids.append(id);
        }
    }
    if (!ids.isEmpty())
        threadsChanged(ids);
}

void ThreadListModel::threadsChanged(const QList<qint64> &threadIds)
{
    if (threadIds.isEmpty())
        return;
    QHash<qint64, ThreadRow> fresh;
    fresh.reserve(threadIds.size());
    for (ThreadRow &row : m_query.fetchRows(threadIds, false))
        fresh.insert(row.id, std::move(row));
    const qint64 now = m_query.now();
    for (const qint64 id : threadIds) {
        const auto it = fresh.constFind(id);
        applyChange(id, it == fresh.constEnd() ? nullptr : &*it);
        // A new or earlier snooze end among the changed rows: no query over every thread (a
        // snooze moved later or cleared only wakes the timer early, which reschedules).
        if (it != fresh.constEnd() && it->status == u"open" && it->snoozedUntil > now &&
            it->accountId == m_accountId)
            wakeAt(it->snoozedUntil);
    }
    refreshCounts();
}

void ThreadListModel::wakeSnoozed()
{
    const qint64 now = m_query.now();
    const QList<qint64> ended = m_query.snoozesEnded(m_accountId, m_wokenUpTo, now);
    m_wokenUpTo = now;
    if (ended.isEmpty()) {
        scheduleWake();
        return;
    }
    threadsChanged(ended); // also refreshes the counts
    scheduleWake();
}

void ThreadListModel::scheduleWake()
{
    m_wakeTimer.stop();
    m_wakeAtMs = 0;
    if (m_accountId == 0)
        return;
    const std::optional<qint64> next = m_query.nextSnoozeEnd(m_accountId);
    if (next)
        wakeAt(*next);
}

void ThreadListModel::wakeAt(qint64 atMs)
{
    if (m_wakeTimer.isActive() && m_wakeAtMs <= atMs)
        return;
    // A day at most: QTimer takes an int, and a long sleep may drift from the wall clock.
    constexpr qint64 MaxWaitMs = 24 * 3600 * 1000;
    m_wakeAtMs = atMs;
    m_wakeTimer.start(int(qBound<qint64>(0, atMs - m_query.now() + 1, MaxWaitMs)));
}

void ThreadListModel::reload()
{
    // The first page is read inside the reset, and the in-flight guard stays up until the
    // reset is announced: views (and QAbstractItemModelTester) that ask for more rows from
    // their modelReset handler must not see rows inserted while the reset is still in flight.
    m_fetching = true;
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    if (m_accountId != 0)
        m_rows = m_query.page(m_accountId, m_filter, m_me, std::nullopt, PageSize);
    for (const ThreadRow &row : std::as_const(m_rows))
        m_keys.insert(row.id, row.lastMessageAt);
    m_hasMore = m_rows.size() == PageSize;
    endResetModel();
    m_fetching = false;
}

void ThreadListModel::refreshCounts()
{
    if (m_counter) {
        QPointer<ThreadListModel> self(this);
        m_counter->request(m_accountId, m_me, m_query.now(),
                           [self](qint64 accountId, const ThreadQuery::Counts &counts) {
                               // A count for an account switched away from is dropped.
                               if (self && accountId == self->m_accountId)
                                   self->setCounts(counts);
                           });
        return;
    }
    setCounts(m_query.counts(m_accountId, m_me).value_or(ThreadQuery::Counts{}));
}

void ThreadListModel::setCounts(const ThreadQuery::Counts &counts)
{
    if (counts != m_counts) {
        m_counts = counts;
        Q_EMIT countsChanged();
    }
}

int ThreadListModel::targetRow(const ThreadRow &row, int skipRow) const
{
    // The loaded rows sort strictly (by time, then id), skipRow included at its old place.
    const auto it =
        std::lower_bound(m_rows.cbegin(), m_rows.cend(), row, &ThreadQuery::sortsBefore);
    int position = int(it - m_rows.cbegin());
    if (skipRow >= 0 && skipRow < position)
        --position;
    const int others = int(m_rows.size()) - (skipRow >= 0 ? 1 : 0);
    return position == others && m_hasMore ? -1 : position;
}

void ThreadListModel::applyChange(qint64 threadId, const ThreadRow *changed)
{
    const int current = rowOf(threadId);
    const bool belongs = changed && changed->accountId == m_accountId &&
                         ThreadQuery::matches(*changed, m_filter, m_me, m_query.now());
    const int target = belongs ? targetRow(*changed, current) : -1;
    // Only a row that stays listed needs its numbers formatted (most of a sync page's threads
    // are beyond the loaded rows).
    std::optional<ThreadRow> formatted;
    if (target >= 0) {
        formatted = *changed;
        ThreadQuery::addDisplayForms(*formatted);
    }
    const ThreadRow *fresh = formatted ? &*formatted : nullptr;

    if (target < 0) {
        // No longer listed, or now beyond the loaded rows: a later page brings it.
        if (current >= 0) {
            beginRemoveRows({}, current, current);
            m_rows.removeAt(current);
            m_keys.remove(threadId);
            endRemoveRows();
        }
        return;
    }
    m_keys.insert(threadId, fresh->lastMessageAt);
    if (current < 0) {
        beginInsertRows({}, target, target);
        m_rows.insert(target, *fresh);
        endInsertRows();
        return;
    }
    if (target != current) {
        // beginMoveRows counts the destination before the row is taken out.
        const int destination = target > current ? target + 1 : target;
        beginMoveRows({}, current, current, {}, destination);
        m_rows.move(current, target);
        endMoveRows();
    }
    const QList<int> roles = changedRoles(m_rows.at(target), *fresh);
    m_rows[target] = *fresh;
    if (!roles.isEmpty()) {
        const QModelIndex idx = index(target);
        Q_EMIT dataChanged(idx, idx, roles);
    }
}
