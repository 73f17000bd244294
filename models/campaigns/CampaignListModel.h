// The account's campaigns for the Campaigns screen: name, state, progress, expected finish.
#pragma once

#include "CampaignRows.h"

#include <QAbstractTableModel>
#include <QSqlDatabase>

class CampaignListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ProgressColumn,
        FinishColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole,   // CampaignState::toString()
        DoneRole,    // recipients sent, failed or skipped
        ToSendRole,  // recipients to text (the hold-out excluded)
        SentRole,    // recipients whose text the provider accepted
        FailedRole,  // recipients whose text failed
        ProgressRole // settled share of ToSendRole in percent, 0-100 (int)
    };
    Q_ENUM(Role)

    CampaignListModel(QSqlDatabase reader, qint64 accountId, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the list again: changed rows are updated in place, new campaigns inserted at
    // the top (newest first). False on a read error (errorString()).
    bool refresh();
    int rowOf(qint64 campaignId) const;
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_reader;
    qint64 m_accountId;
    QList<CampaignRows::Summary> m_rows;
    QString m_error;
};
