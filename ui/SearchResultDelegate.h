// Paints one search result: who (name and number), which of our numbers, when, and the words
// around the match with the matching terms marked.
#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>
#include <QTextLayout>

class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit SearchResultDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "Maria Gonzalez · +1 415-555-0101", or the number alone when there is no name.
    static QString whoText(const QModelIndex &index);
    // "via Support · +1 415-555-0100"
    static QString viaText(const QModelIndex &index);
    // The marked stretches of the snippet as text formats (bold on amber).
    static QList<QTextLayout::FormatRange> matchFormats(const QModelIndex &index);

    // Tests and screenshots pin the clock; by default the current time is used.
    void setNow(const QDateTime &now) { m_now = now; }

private:
    QDateTime m_now;
};
