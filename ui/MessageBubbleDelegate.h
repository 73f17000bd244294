// Paints one message of a thread as a chat bubble: a day separator when the day changes,
// inbound on the left and outbound on the right, who sent it, time and delivery status, the
// provider's reason and a Retry link on failures; an internal note of the team (a
// NoteTimelineModel row) as a centred amber card naming its author, apart from the SMS.
#pragma once

#include "MessageMediaBlock.h"

#include <QDateTime>
#include <QStyledItemDelegate>

class QAbstractItemView;

class MessageBubbleDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // view: whose viewport width the bubbles wrap to.
    explicit MessageBubbleDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the Retry link of a failed message is, inside `rect` (the row's rectangle); empty
    // when the message has none.
    QRect retryRect(const QRect &rect, const QModelIndex &index) const;
    // Where each media item (thumbnail or attachment line) of an MMS is, inside `rect`.
    QList<QRect> mediaRects(const QRect &rect, const QModelIndex &index) const;

    // "Today", "Yesterday", "Monday, November 16", "March 3, 2025" for a local day.
    static QString dayLabel(const QDate &day, const QDate &today);
    // "Delivered", "Failed", ... for a messages.status word.
    static QString statusLabel(const QString &status);
    // An outbound message still "sent" after the provider's receipt window (SyncEngine::
    // ReceiptWindow, 72 h): no receipt will come, so it is shown as "No receipt".
    static bool isNoReceipt(const QString &status, const QDateTime &createdAt,
                            const QDateTime &now);
    // "Scheduled for Tue 09:00 (customer's time) · right-click to edit or cancel"
    static QString scheduledLabel(qint64 utcMs, const QString &zone);
    // The line under a bubble: time, and for outbound messages segments and delivery status
    // ("No receipt" past the receipt window).
    static QString metaLine(const QModelIndex &index, const QDateTime &now);
    // Whether a message in this status can be sent again.
    static bool isRetryable(const QString &status);
    // The line above an outbound message: the agent, or "Campaign: <name>".
    static QString authorText(const QModelIndex &index);
    // "Internal note · Ana" above a note's text.
    static QString noteHeaderText(const QModelIndex &index);
    // Whether a day separator goes above this row (the first row, or a new local day).
    static bool startsDay(const QModelIndex &index);
    // The line shown under a failed message: the provider's reason and code.
    static QString failureText(const QModelIndex &index);

    // Tests and screenshots pin the clock; by default the current time is used.
    void setNow(const QDateTime &now) { m_now = now; }
    // The message a search opened: drawn with a ring around its bubble. 0: none.
    void setHighlightedMessage(qint64 messageId) { m_highlighted = messageId; }
    qint64 highlightedMessage() const { return m_highlighted; }

Q_SIGNALS:
    void retryClicked(qint64 messageId);
    // A cached media item was clicked: open it (an image full size, anything else as a file).
    void mediaClicked(const QString &path, const QString &contentType);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    struct Geometry;
    Geometry layout(const QFont &font, int width, const QModelIndex &index) const;
    void paintNote(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index,
                   const Geometry &g) const;
    QDate today() const;

    QDateTime now() const;

    QAbstractItemView *m_view;
    MessageMediaBlock m_media;
    QDateTime m_now;
    qint64 m_highlighted = 0;
};
