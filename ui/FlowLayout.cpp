#include "FlowLayout.h"

#include <QWidget>

FlowLayout::FlowLayout(QWidget *parent, int spacing)
    : QLayout(parent)
{
    setSpacing(spacing);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item: everything else wraps.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // One line when there is room for it.
    int width = 0;
    int height = 0;
    int shown = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width();
        height = qMax(height, item->sizeHint().height());
        ++shown;
    }
    const QMargins m = contentsMargins();
    return {width + qMax(0, shown - 1) * spacing() + m.left() + m.right(),
            height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool place) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = spacing();
    QList<QLayoutItem *> shown;
    for (QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            shown.append(item);
    }
    int y = area.y();
    int i = 0;
    while (i < shown.size()) {
        // Take as many items as fit on this line (at least one).
        int lineWidth = 0;
        int lineHeight = 0;
        int end = i;
        while (end < shown.size()) {
            const QSize hint = shown[end]->sizeHint();
            const int next = lineWidth + (end > i ? gap : 0) + hint.width();
            if (end > i && next > area.width())
                break;
            lineWidth = next;
            lineHeight = qMax(lineHeight, hint.height());
            ++end;
        }
        if (place) {
            int x = area.x();
            for (int k = i; k < end; ++k) {
                const QSize hint = shown[k]->sizeHint();
                const int width = qMin(hint.width(), area.width());
                int left = x;
                if (m_lastRight && k == shown.size() - 1)
                    left = qMax(x, area.right() + 1 - width);
                shown[k]->setGeometry(
                    QRect(left, y + (lineHeight - hint.height()) / 2, width, hint.height()));
                x += width + gap;
            }
        }
        y += lineHeight + (end < shown.size() ? gap : 0);
        i = end;
    }
    const QMargins m = contentsMargins();
    return y - area.y() + m.top() + m.bottom();
}
