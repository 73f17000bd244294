#include "CampaignListModel.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

CampaignListModel::CampaignListModel(QSqlDatabase reader, qint64 accountId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(std::move(reader))
    , m_accountId(accountId)
{
    refresh();
}

int CampaignListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CampaignListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CampaignRows::Summary &s = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return s.id;
    case StateRole:
        return CampaignState::toString(s.state);
    case DoneRole:
        return s.done();
    case ToSendRole:
        return s.toSend();
    case SentRole:
        return s.sent;
    case FailedRole:
        return s.failed;
    case ProgressRole:
        // Skipped recipients (opted out meanwhile, canceled) are settled too, so a finished
        // campaign reads 100 %; an empty one has nothing left to do.
        return s.toSend() > 0 ? int(s.done() * 100 / s.toSend()) : 100;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case StateColumn:
            return CampaignState::toString(s.state);
        case ProgressColumn:
            return s.failed > 0
                       ? tr("%1 sent, %2 failed of %3").arg(s.sent).arg(s.failed).arg(s.toSend())
                       : tr("%1 sent of %2").arg(s.sent).arg(s.toSend());
        case FinishColumn:
            return s.expectedFinishAt ? QDateTime::fromMSecsSinceEpoch(*s.expectedFinishAt)
                                            .toString(u"yyyy-MM-dd HH:mm"_s)
                                      : QString();
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant CampaignListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Campaign");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case FinishColumn:
        return tr("Expected finish");
    }
    return {};
}

QHash<int, QByteArray> CampaignListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "campaignId");
    names.insert(StateRole, "state");
    names.insert(DoneRole, "done");
    names.insert(ToSendRole, "toSend");
    names.insert(SentRole, "sent");
    names.insert(FailedRole, "failed");
    names.insert(ProgressRole, "progress");
    return names;
}

int CampaignListModel::rowOf(qint64 campaignId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == campaignId)
            return int(i);
    }
    return -1;
}

bool CampaignListModel::refresh()
{
    CampaignRows rows(m_reader);
    const std::optional<QList<CampaignRows::Summary>> fresh = rows.list(m_accountId);
    if (!fresh) {
        m_error = rows.errorString();
        return false;
    }
    // Newest first: campaigns are never deleted here, so the old list is a suffix of the new.
    const qsizetype added = fresh->size() - m_rows.size();
    bool suffix = added >= 0;
    for (qsizetype i = 0; suffix && i < m_rows.size(); ++i)
        suffix = fresh->at(added + i).id == m_rows.at(i).id;
    if (!suffix) {
        beginResetModel();
        m_rows = *fresh;
        endResetModel();
        return true;
    }
    if (added > 0) {
        beginInsertRows({}, 0, int(added - 1));
        m_rows = fresh->mid(0, added) + m_rows;
        endInsertRows();
    }
    for (qsizetype i = added; i < fresh->size(); ++i) {
        const CampaignRows::Summary &now = fresh->at(i);
        CampaignRows::Summary &old = m_rows[i];
        if (now.state != old.state || now.done() != old.done() || now.sent != old.sent ||
            now.failed != old.failed || now.total != old.total ||
            now.expectedFinishAt != old.expectedFinishAt || now.name != old.name) {
            old = now;
            Q_EMIT dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1),
                               {Qt::DisplayRole, StateRole, DoneRole, ToSendRole, SentRole,
                                FailedRole, ProgressRole});
        } else {
            old = now;
        }
    }
    return true;
}
