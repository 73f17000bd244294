#include "ThreadMessagesModel.h"

#include "ChangeSet.h"

#include <QDateTime>

namespace {

QList<int> changedRoles(const MessageRow &a, const MessageRow &b)
{
    using M = ThreadMessagesModel;
    QList<int> roles;
    if (a.body != b.body)
        roles << Qt::DisplayRole << M::BodyRole;
    if (a.status != b.status)
        roles << M::StatusRole;
    if (a.errorCode != b.errorCode)
        roles << M::ErrorCodeRole;
    if (a.errorMessage != b.errorMessage)
        roles << M::ErrorMessageRole;
    if (a.author != b.author)
        roles << M::AuthorRole;
    if (a.campaignId != b.campaignId || a.campaignName != b.campaignName)
        roles << M::CampaignIdRole << M::CampaignNameRole;
    if (a.segments != b.segments)
        roles << M::SegmentsRole;
    return roles;
}

} // namespace

ThreadMessagesModel::ThreadMessagesModel(QSqlDatabase db, QObject *parent)
    : QAbstractListModel(parent)
    , m_query(std::move(db))
{}

int ThreadMessagesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ThreadMessagesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case BodyRole:
        return r.body;
    case IdRole:
        return r.id;
    case DirectionRole:
        return r.direction;
    case StatusRole:
        return r.status;
    case ErrorCodeRole:
        return r.errorCode;
    case ErrorMessageRole:
        return r.errorMessage;
    case AuthorRole:
        return r.author;
    case CampaignIdRole:
        return r.campaignId;
    case CampaignNameRole:
        return r.campaignName;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(r.createdAt, Qt::UTC);
    case DayRole:
        return QDateTime::fromMSecsSinceEpoch(r.createdAt, Qt::UTC).toLocalTime().date();
    case SegmentsRole:
        return r.segments;
    case OutboundRole:
        return r.direction == u"out";
    case ScheduledAtRole:
        return r.scheduledAt ? QDateTime::fromMSecsSinceEpoch(r.scheduledAt, Qt::UTC) : QDateTime();
    case CustomerZoneRole:
        return r.customerZone;
    case MediaRole:
        return r.media;
    default:
        return {};
    }
}

QHash<int, QByteArray> ThreadMessagesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "messageId"},
                  {DirectionRole, "direction"},
                  {BodyRole, "body"},
                  {StatusRole, "status"},
                  {ErrorCodeRole, "errorCode"},
                  {ErrorMessageRole, "errorMessage"},
                  {AuthorRole, "author"},
                  {CampaignIdRole, "campaignId"},
                  {CampaignNameRole, "campaignName"},
                  {CreatedAtRole, "createdAt"},
                  {DayRole, "day"},
                  {SegmentsRole, "segments"},
                  {OutboundRole, "outbound"},
                  {MediaRole, "media"}});
    return names;
}

bool ThreadMessagesModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetching;
}

void ThreadMessagesModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    m_fetching = true;
    const ThreadMessageQuery::Cursor before{m_rows.first().createdAt, m_rows.first().id};
    const QList<MessageRow> page = m_query.pageBefore(m_accountId, m_threadId, before, PageSize);
    // A short page (or an error, which returns none) is the start of the thread.
    m_hasMore = page.size() == PageSize;
    if (!page.isEmpty()) {
        beginInsertRows({}, 0, int(page.size() - 1));
        m_rows = page + m_rows;
        endInsertRows();
    }
    m_fetching = false;
}

void ThreadMessagesModel::setThread(qint64 accountId, qint64 threadId)
{
    // The page is read inside the reset with the in-flight guard up: views asking for more
    // rows from their modelReset handler must not see rows inserted mid-reset.
    m_fetching = true;
    beginResetModel();
    m_accountId = accountId;
    m_threadId = threadId;
    m_rows.clear();
    if (threadId != 0)
        m_rows = m_query.pageBefore(accountId, threadId, std::nullopt, PageSize);
    m_hasMore = m_rows.size() == PageSize;
    endResetModel();
    m_fetching = false;
}

qint64 ThreadMessagesModel::messageIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ThreadMessagesModel::rowOf(qint64 messageId) const
{
    // Changes almost always concern the newest messages, at the bottom.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        if (m_rows.at(i).id == messageId)
            return int(i);
    }
    return -1;
}

int ThreadMessagesModel::loadUntil(qint64 messageId)
{
    int row = rowOf(messageId);
    if (row >= 0 || m_threadId == 0)
        return row;
    // One indexed read first: an id of another thread (or account) must not page through the
    // whole history looking for it.
    if (m_query.rows(m_accountId, m_threadId, {messageId}).isEmpty())
        return -1;
    while (row < 0 && canFetchMore({})) {
        fetchMore({});
        row = rowOf(messageId);
    }
    return row;
}

void ThreadMessagesModel::applyChanges(const ChangeSet &changes)
{
    using Op = ChangeSet::Op;
    using Table = ChangeSet::Table;
    if (m_threadId == 0 || !changes.touches(Table::Messages))
        return;
    const QSet<qint64> added = changes.rows(Table::Messages, Op::Inserted);
    if (!added.isEmpty())
        messagesAdded(ChangeSet::sorted(added));
    // A deleted row (a copy merged into the local one) is "gone" to messagesUpdated.
    const QSet<qint64> changed =
        changes.rows(Table::Messages, Op::Updated) | changes.rows(Table::Messages, Op::Deleted);
    if (!changed.isEmpty())
        messagesUpdated(ChangeSet::sorted(changed));
}

void ThreadMessagesModel::messagesAdded(const QList<qint64> &messageIds)
{
    if (m_threadId == 0)
        return;
    for (const MessageRow &row : m_query.rows(m_accountId, m_threadId, messageIds)) {
        const int existing = rowOf(row.id);
        if (existing >= 0)
            updateRow(existing, row);
        else
            insertRow(row);
    }
}

void ThreadMessagesModel::messagesUpdated(const QList<qint64> &messageIds)
{
    if (m_threadId == 0)
        return;
    const QList<MessageRow> fresh = m_query.rows(m_accountId, m_threadId, messageIds);
    for (const qint64 id : messageIds) {
        const auto it = std::find_if(fresh.cbegin(), fresh.cend(),
                                     [id](const MessageRow &r) { return r.id == id; });
        const int current = rowOf(id);
        if (it == fresh.cend()) {
            // Gone from this thread (merged into another row, or deleted).
            if (current >= 0) {
                beginRemoveRows({}, current, current);
                m_rows.removeAt(current);
                endRemoveRows();
            }
            continue;
        }
        if (current >= 0)
            updateRow(current, *it);
        else
            insertRow(*it);
    }
}

void ThreadMessagesModel::insertRow(const MessageRow &row)
{
    // Older than everything loaded while older history remains unread: fetchMore brings it.
    if (m_hasMore && !m_rows.isEmpty() && ThreadMessageQuery::sortsBefore(row, m_rows.first()))
        return;
    qsizetype at = m_rows.size();
    while (at > 0 && ThreadMessageQuery::sortsBefore(row, m_rows.at(at - 1)))
        --at;
    beginInsertRows({}, int(at), int(at));
    m_rows.insert(at, row);
    endInsertRows();
}

void ThreadMessagesModel::updateRow(int row, const MessageRow &fresh)
{
    const QList<int> roles = changedRoles(m_rows.at(row), fresh);
    if (m_rows.at(row).createdAt != fresh.createdAt) {
        // Its place in the timeline changed (a provider timestamp replaced ours).
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        insertRow(fresh);
        return;
    }
    m_rows[row] = fresh;
    if (!roles.isEmpty()) {
        const QModelIndex idx = index(row);
        Q_EMIT dataChanged(idx, idx, roles);
    }
}
