#include "ThreadView.h"

#include "MediaViewerDialog.h"
#include "MessageBubbleDelegate.h"
#include "NoteTimelineModel.h"
#include "ThreadMessagesModel.h"

#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QScrollBar>
#include <QUrl>

using namespace Qt::StringLiterals;

ThreadView::ThreadView(QWidget *parent)
    : QListView(parent)
    // The timeline never fetches by itself: QAbstractItemView fetches whenever the last row is
    // visible, which for a timeline growing upwards would read the whole history at once.
    , m_timeline(new NoteTimelineModel(this))
    , m_delegate(new MessageBubbleDelegate(this))
{
    setObjectName(u"threadView"_s);
    setAccessibleName(tr("Messages"));
    setItemDelegate(m_delegate);
    setModel(m_timeline);
    setSelectionMode(QAbstractItemView::NoSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::NoFocus);
    setMouseTracking(true);
    verticalScrollBar()->setSingleStep(24);

    connect(m_delegate, &MessageBubbleDelegate::retryClicked, this, &ThreadView::retryRequested);
    connect(m_delegate, &MessageBubbleDelegate::mediaClicked, this, &ThreadView::openMedia);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ThreadView::onScrolled);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &ThreadView::onRangeChanged);
}

void ThreadView::setMessagesModel(ThreadMessagesModel *model)
{
    m_model = model;
    m_timeline->setSourceModel(model);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_atBottom = true;
        m_restoreFromBottom = -1;
        m_delegate->setHighlightedMessage(0);
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first) {
                // Older history goes in at the top: keep the visible messages where they are.
                if (first == 0 && m_model->rowCount() > 0)
                    m_restoreFromBottom =
                        verticalScrollBar()->maximum() - verticalScrollBar()->value();
            });
}

void ThreadView::fetchOlder()
{
    if (m_model && m_model->canFetchMore({}))
        m_model->fetchMore({});
}

bool ThreadView::showMessage(qint64 messageId)
{
    if (!m_model)
        return false;
    const int row = m_model->loadUntil(messageId);
    if (row < 0)
        return false;
    m_delegate->setHighlightedMessage(messageId);
    // Lay the rows out now (the older pages just arrived), so that the scroll restoring the
    // previous position runs before, not after, the scroll to the message.
    doItemsLayout();
    m_restoreFromBottom = -1;
    scrollTo(m_timeline->index(m_timeline->rowOfSource(row), 0),
             QAbstractItemView::PositionAtCenter);
    m_atBottom = verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
    viewport()->update();
    return true;
}

qint64 ThreadView::highlightedMessage() const
{
    return m_delegate->highlightedMessage();
}

QRect ThreadView::retryRect(int row) const
{
    const QModelIndex index = m_timeline->index(row, 0);
    return m_delegate->retryRect(visualRect(index), index);
}

void ThreadView::onScrolled(int value)
{
    const QScrollBar *bar = verticalScrollBar();
    m_atBottom = value >= bar->maximum() - 4;
    if (value == bar->minimum() && bar->maximum() > bar->minimum() && m_restoreFromBottom < 0)
        fetchOlder();
}

void ThreadView::onRangeChanged(int min, int max)
{
    if (max == min && m_model && m_model->canFetchMore({})) {
        // The loaded messages do not fill the view, so it cannot be scrolled to the top.
        QMetaObject::invokeMethod(this, &ThreadView::fetchOlder, Qt::QueuedConnection);
        return;
    }
    if (m_restoreFromBottom >= 0) {
        const int distance = m_restoreFromBottom;
        m_restoreFromBottom = -1;
        verticalScrollBar()->setValue(max - distance);
    } else if (m_atBottom) {
        verticalScrollBar()->setValue(max);
    }
}

QMenu *ThreadView::scheduledMenuAt(const QPoint &viewportPos)
{
    const QModelIndex index = indexAt(viewportPos);
    const QString status = index.data(ThreadMessagesModel::StatusRole).toString();
    if (!index.data(ThreadMessagesModel::ScheduledAtRole).toDateTime().isValid() ||
        (status != u"queued" && status != u"scheduled"))
        return nullptr;
    const qint64 id = index.data(ThreadMessagesModel::IdRole).toLongLong();
    auto *menu = new QMenu(this);
    menu->setObjectName(u"scheduledMessageMenu"_s);
    menu->addAction(tr("Edit scheduled message\u2026"), this,
                    [this, id] { Q_EMIT editScheduledRequested(id); })
        ->setObjectName(u"editScheduled"_s);
    menu->addAction(tr("Cancel scheduled message"), this,
                    [this, id] { Q_EMIT cancelScheduledRequested(id); })
        ->setObjectName(u"cancelScheduled"_s);
    return menu;
}

void ThreadView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = scheduledMenuAt(viewport()->mapFrom(this, event->pos()));
    if (!menu) {
        QListView::contextMenuEvent(event);
        return;
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(event->globalPos());
}

MediaViewerDialog *ThreadView::mediaViewer() const
{
    return m_viewer;
}

void ThreadView::openMedia(const QString &path, const QString &contentType)
{
    if (!contentType.startsWith(u"image/"_s)) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
        return;
    }
    if (m_viewer)
        m_viewer->close();
    m_viewer = new MediaViewerDialog(path, contentType, this);
    m_viewer->setAttribute(Qt::WA_DeleteOnClose);
    m_viewer->open();
}
