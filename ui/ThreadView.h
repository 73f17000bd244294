// A thread's messages as chat bubbles, newest at the bottom, with the team's internal notes
// among them in time order: stays at the bottom as messages arrive, and loads older history
// when scrolled to the top (keeping what is on screen still).
#pragma once

#include <QListView>
#include <QPointer>

class MediaViewerDialog;
class MessageBubbleDelegate;
class QMenu;
class NoteTimelineModel;
class ThreadMessagesModel;

class ThreadView : public QListView
{
    Q_OBJECT

public:
    explicit ThreadView(QWidget *parent = nullptr);

    // model is not owned.
    void setMessagesModel(ThreadMessagesModel *model);
    ThreadMessagesModel *messagesModel() const { return m_model; }
    MessageBubbleDelegate *bubbleDelegate() const { return m_delegate; }
    // What the view shows: the messages and the open thread's notes (setNotes()).
    NoteTimelineModel *timeline() const { return m_timeline; }

    // Reads the page of history before the first loaded message, if any.
    void fetchOlder();
    // Loads older history until the message is there, scrolls it to the middle of the view
    // and highlights it (until another thread opens). False when the thread has no such
    // message.
    bool showMessage(qint64 messageId);
    qint64 highlightedMessage() const;
    // Where the Retry link of the view's row is, in viewport coordinates; empty when none.
    QRect retryRect(int row) const;
    // The actions of a scheduled message ("Send later…") at a viewport position: Edit and
    // Cancel; null anywhere else. The caller owns the menu (the context menu shows it).
    QMenu *scheduledMenuAt(const QPoint &viewportPos);
    // The media item clicked last, opened full size (null when none is open).
    MediaViewerDialog *mediaViewer() const;

Q_SIGNALS:
    void retryRequested(qint64 messageId);
    void editScheduledRequested(qint64 messageId);
    void cancelScheduledRequested(qint64 messageId);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onScrolled(int value);
    void onRangeChanged(int min, int max);
    // An image opens in the viewer; anything else with the desktop's application for it.
    void openMedia(const QString &path, const QString &contentType);

    ThreadMessagesModel *m_model = nullptr;
    NoteTimelineModel *m_timeline;
    MessageBubbleDelegate *m_delegate;
    QPointer<MediaViewerDialog> m_viewer;
    bool m_atBottom = true;
    int m_restoreFromBottom = -1; // distance from the bottom to keep after older rows arrive
};
