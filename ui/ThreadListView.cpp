#include "ThreadListView.h"

#include "ThreadListDelegate.h"
#include "ThreadListModel.h"

#include <QKeyEvent>

ThreadListView::ThreadListView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new ThreadListDelegate(this))
{
    setObjectName(QStringLiteral("threadList"));
    setAccessibleName(tr("Conversations"));
    setItemDelegate(m_delegate);
    // Every row has the same height: the view need not measure rows to scroll.
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    // Each row draws within the viewport's width (badges elide the preview, not the reverse).
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT threadActivated(index.data(ThreadListModel::ThreadIdRole).toLongLong());
    });
}

qint64 ThreadListView::currentThreadId() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.data(ThreadListModel::ThreadIdRole).toLongLong() : 0;
}

void ThreadListView::moveBy(int delta)
{
    if (!model() || model()->rowCount() == 0)
        return;
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() + delta : 0;
    if (row >= model()->rowCount() && model()->canFetchMore({}))
        model()->fetchMore({});
    row = qBound(0, row, model()->rowCount() - 1);
    setCurrentIndex(model()->index(row, 0));
}

void ThreadListView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        QListView::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_J:
    case Qt::Key_Down:
        moveBy(1);
        return;
    case Qt::Key_K:
    case Qt::Key_Up:
        moveBy(-1);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (currentIndex().isValid())
            Q_EMIT threadActivated(currentThreadId());
        return;
    case Qt::Key_Escape:
        clearSelection();
        setCurrentIndex({});
        return;
    default:
        QListView::keyPressEvent(event);
    }
}
