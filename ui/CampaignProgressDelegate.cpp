#include "CampaignProgressDelegate.h"

#include "CampaignListModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

void CampaignProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    // The row's selection background first, so a selected campaign still reads as selected.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QStyleOptionProgressBar bar;
    bar.initFrom(widget);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = qBound(0, index.data(CampaignListModel::ProgressRole).toInt(), 100);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    painter->save();
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    painter->restore();
}

QSize CampaignProgressDelegate::sizeHint(const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    // Room for the bar's frame around the counts, and a bar that reads as one.
    size.setWidth(std::max(size.width() + 24, 140));
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
    return size;
}
