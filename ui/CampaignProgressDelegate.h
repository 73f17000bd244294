// Paints a campaign's progress in the campaign list as a bar (CampaignListModel::ProgressRole)
// with the live counts (the column's display text) on it.
#pragma once

#include <QStyledItemDelegate>

class CampaignProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
