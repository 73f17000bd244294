#include "MessageBubbleDelegate.h"

#include "SendFailure.h"

#include "NoteTimelineModel.h"
#include "ThreadMessagesModel.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

using namespace Qt::StringLiterals;
using M = ThreadMessagesModel;

namespace {

constexpr int SideMargin = 18;
constexpr int BubblePadX = 12;
constexpr int BubblePadY = 8;
constexpr int BubbleRadius = 14;
constexpr int SeparatorHeight = 40;
constexpr int GroupGap = 10; // between messages of different senders
constexpr int RowGap = 3;    // between consecutive messages of one sender
constexpr int MaxBubbleWidth = 460;

const QColor TextColor(0x11, 0x18, 0x27);
const QColor MutedColor(0x6b, 0x72, 0x80);
const QColor HighlightRing(0xf5, 0x9e, 0x0b);
const QColor OutboundBubble(0x1d, 0x4e, 0xd8);
const QColor PendingBubble(0x60, 0x85, 0xe4);
const QColor InboundBubble(0xf1, 0xf3, 0xf6);
const QColor FailedBubble(0xfe, 0xf2, 0xf2);
const QColor FailedBorder(0xfc, 0xa5, 0xa5);
const QColor FailedText(0xb9, 0x1c, 0x1c);
const QColor DividerColor(0xe5, 0xe7, 0xeb);
const QColor LinkColor(0x1d, 0x4e, 0xd8);
// Internal notes: amber paper, never mistaken for an SMS bubble (blue or grey).
const QColor NoteBubble(0xfe, 0xf3, 0xc7);
const QColor NoteBorder(0xf5, 0xc8, 0x4c);
const QColor NoteHeader(0x92, 0x40, 0x0e);

QFont smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.85);
    return f;
}

bool sameSender(const QModelIndex &a, const QModelIndex &b)
{
    return a.isValid() && b.isValid() && a.data(M::DirectionRole) == b.data(M::DirectionRole) &&
           a.data(M::AuthorRole) == b.data(M::AuthorRole) &&
           a.data(M::CampaignIdRole) == b.data(M::CampaignIdRole) &&
           a.data(M::DayRole) == b.data(M::DayRole);
}

bool isNote(const QModelIndex &index)
{
    return index.data(NoteTimelineModel::NoteRole).toBool();
}

} // namespace

struct MessageBubbleDelegate::Geometry
{
    QRect separator; // empty when the day continues
    QRect author;    // empty when not shown
    QRect bubble;
    QRect text;
    QRect meta;    // time and status
    QRect failure; // the provider's reason, under a failed message
    QRect retry;
    QRect media; // an MMS's thumbnails and attachments, inside the bubble
    QList<MessageMediaBlock::Item> mediaItems;
    QList<QRect> mediaRects; // relative to media.topLeft()
    int height = 0;
};

MessageBubbleDelegate::MessageBubbleDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{}

QDate MessageBubbleDelegate::today() const
{
    return now().toLocalTime().date();
}

MessageBubbleDelegate::Geometry MessageBubbleDelegate::layout(const QFont &font, int width,
                                                              const QModelIndex &index) const
{
    Geometry g;
    const QFontMetrics fm(font);
    const QFontMetrics sfm(smallFont(font));
    const bool outbound = index.data(M::OutboundRole).toBool();
    const QString status = index.data(M::StatusRole).toString();
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    const bool newDay = startsDay(index);
    const bool continues = !newDay && sameSender(previous, index);

    int y = continues ? RowGap : GroupGap;
    if (newDay) {
        g.separator = QRect(0, y, width, SeparatorHeight - GroupGap);
        y += g.separator.height();
    }
    const int maxText = std::max(80, std::min(MaxBubbleWidth, int(width * 0.72)) - 2 * BubblePadX);
    const QString body = index.data(M::BodyRole).toString();
    QRect textRect = fm.boundingRect(QRect(0, 0, maxText, 100000), Qt::TextWordWrap, body);
    textRect.setWidth(std::max(textRect.width(), 24));
    g.mediaItems = MessageMediaBlock::parse(index.data(M::MediaRole).toString());
    g.mediaRects = m_media.layout(g.mediaItems, smallFont(font), maxText);
    const QSize mediaSize = MessageMediaBlock::size(g.mediaRects);
    if (body.isEmpty() && !g.mediaItems.isEmpty())
        textRect.setHeight(-MessageMediaBlock::Gap); // an MMS without text: media only
    const int mediaH = mediaSize.isValid() ? MessageMediaBlock::Gap + mediaSize.height() : 0;
    const int bubbleW = std::max(textRect.width(), mediaSize.width()) + 2 * BubblePadX;
    const int bubbleH = textRect.height() + mediaH + 2 * BubblePadY;
    const int bubbleX = outbound ? width - SideMargin - bubbleW : SideMargin;

    if (isNote(index)) {
        // Centred, with who wrote it inside: a note belongs to neither side of the chat.
        const int headerW = sfm.horizontalAdvance(noteHeaderText(index)) + 2;
        textRect.setWidth(std::max(textRect.width(), headerW));
        const int w = textRect.width() + 2 * BubblePadX;
        const int x = (width - w) / 2;
        g.author = QRect(x + BubblePadX, y + BubblePadY, textRect.width(), sfm.height());
        g.text = QRect(x + BubblePadX, g.author.bottom() + 5, textRect.width(), textRect.height());
        g.bubble = QRect(x, y, w, textRect.height() + 2 * BubblePadY + sfm.height() + 4);
        y += g.bubble.height() + 3;
        g.meta = QRect(SideMargin, y, width - 2 * SideMargin, sfm.height());
        g.height = y + sfm.height() + 2;
        return g;
    }
    const QString author = authorText(index);
    if (outbound && !continues && !author.isEmpty()) {
        const int w = std::min(sfm.horizontalAdvance(author) + 2, width - 2 * SideMargin);
        g.author = QRect(width - SideMargin - w - 4, y, w, sfm.height());
        y += sfm.height() + 3;
    }
    g.bubble = QRect(bubbleX, y, bubbleW, bubbleH);
    g.text = QRect(bubbleX + BubblePadX, y + BubblePadY, textRect.width(), textRect.height());
    if (mediaSize.isValid())
        g.media =
            QRect(QPoint(g.text.left(), g.text.bottom() + 1 + MessageMediaBlock::Gap), mediaSize);
    y += bubbleH + 3;

    const int metaW = width - 2 * SideMargin - 8;
    g.meta =
        QRect(outbound ? width - SideMargin - 4 - metaW : SideMargin + 4, y, metaW, sfm.height());
    y += sfm.height();
    if (outbound && isRetryable(status)) {
        const QString retry = tr("Retry");
        const int rw = sfm.horizontalAdvance(retry) + 8;
        // The link sits left of the status text, which is right-aligned in the meta line.
        const int statusW = sfm.horizontalAdvance(metaLine(index, now()));
        // No link where sending again fails the same way (an invalid or unsubscribed number).
        if (SendFailure::canRetry(status, index.data(M::ErrorCodeRole).toInt()))
            g.retry =
                QRect(g.meta.right() - statusW - 12 - rw, g.meta.top() - 1, rw, sfm.height() + 2);
        const int failW = std::min(MaxBubbleWidth, metaW);
        const QRect failRect =
            sfm.boundingRect(QRect(0, 0, failW, 10000), Qt::TextWordWrap, failureText(index));
        g.failure =
            QRect(g.meta.right() - failRect.width(), y + 1, failRect.width(), failRect.height());
        y += failRect.height() + 2;
    }
    g.height = y + 2;
    return g;
}

QSize MessageBubbleDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const int width = m_view->viewport()->width();
    return {width, layout(option.font, width, index).height};
}

QRect MessageBubbleDelegate::retryRect(const QRect &rect, const QModelIndex &index) const
{
    const QRect r = layout(m_view->font(), rect.width(), index).retry;
    return r.isEmpty() ? QRect() : r.translated(rect.topLeft());
}

void MessageBubbleDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const QRect rect = option.rect;
    const Geometry g = layout(option.font, rect.width(), index);
    const QPoint origin = rect.topLeft();
    const bool outbound = index.data(M::OutboundRole).toBool();
    const QString status = index.data(M::StatusRole).toString();
    const bool failed = outbound && isRetryable(status);
    const bool pending = outbound && (status == u"queued" || status == u"sending" ||
                                      status == u"accepted" || status == u"scheduled");
    const QFont small = smallFont(option.font);

    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setRenderHint(QPainter::TextAntialiasing);

    if (!g.separator.isEmpty()) {
        const QRect sep = g.separator.translated(origin);
        const QString label = dayLabel(index.data(M::DayRole).toDate(), today());
        QFont bold = small;
        bold.setBold(true);
        const QFontMetrics bfm(bold);
        const int labelW = bfm.horizontalAdvance(label) + 20;
        const QRect pill(sep.center().x() - labelW / 2, sep.center().y() - bfm.height() / 2 - 2,
                         labelW, bfm.height() + 4);
        p->setPen(DividerColor);
        p->drawLine(sep.left() + SideMargin, sep.center().y(), pill.left() - 8, sep.center().y());
        p->drawLine(pill.right() + 8, sep.center().y(), sep.right() - SideMargin, sep.center().y());
        p->setFont(bold);
        p->setPen(MutedColor);
        p->drawText(pill, Qt::AlignCenter, label);
    }

    if (isNote(index)) {
        paintNote(p, option, index, g);
        p->restore();
        return;
    }
    if (!g.author.isEmpty()) {
        p->setFont(small);
        p->setPen(MutedColor);
        const QRect r = g.author.translated(origin);
        p->drawText(r, Qt::AlignRight | Qt::AlignVCenter,
                    QFontMetrics(small).elidedText(authorText(index), Qt::ElideRight, r.width()));
    }

    const QRect bubble = g.bubble.translated(origin);
    QColor fill = outbound ? (pending ? PendingBubble : OutboundBubble) : InboundBubble;
    if (failed)
        fill = FailedBubble;
    p->setPen(failed ? QPen(FailedBorder, 1) : QPen(Qt::NoPen));
    p->setBrush(fill);
    p->drawRoundedRect(QRectF(bubble).adjusted(0.5, 0.5, -0.5, -0.5), BubbleRadius, BubbleRadius);
    if (m_highlighted != 0 && index.data(M::IdRole).toLongLong() == m_highlighted) {
        // The search's match: an amber ring, as a find bar marks its current hit.
        p->setPen(QPen(HighlightRing, 2.5));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(bubble).adjusted(-3, -3, 3, 3), BubbleRadius + 3,
                           BubbleRadius + 3);
    }
    p->setFont(option.font);
    p->setPen(outbound && !failed ? QColor(Qt::white) : TextColor);
    p->drawText(g.text.translated(origin), Qt::TextWordWrap, index.data(M::BodyRole).toString());

    if (!g.media.isEmpty())
        m_media.paint(p, g.media.translated(origin).topLeft(), g.mediaItems, g.mediaRects, small,
                      outbound);
    const QString meta = metaLine(index, now());
    p->setFont(small);
    p->setPen(failed ? FailedText : MutedColor);
    p->drawText(g.meta.translated(origin),
                (outbound ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, meta);

    if (failed && !g.retry.isEmpty()) {
        const QRect retry = g.retry.translated(origin);
        QFont link = small;
        link.setBold(true);
        p->setFont(link);
        p->setPen(LinkColor);
        p->drawText(retry, Qt::AlignCenter, tr("Retry"));
    }
    if (failed) {
        p->setFont(small);
        p->setPen(FailedText);
        p->drawText(g.failure.translated(origin), Qt::TextWordWrap | Qt::AlignRight,
                    failureText(index));
    }
    p->restore();
}

QList<QRect> MessageBubbleDelegate::mediaRects(const QRect &rect, const QModelIndex &index) const
{
    const Geometry g = layout(m_view->font(), rect.width(), index);
    QList<QRect> rects;
    for (const QRect &r : g.mediaRects)
        rects.append(r.translated(g.media.topLeft() + rect.topLeft()));
    return rects;
}

bool MessageBubbleDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                        const QStyleOptionViewItem &option,
                                        const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QList<QRect> media = mediaRects(option.rect, index);
        const auto items = MessageMediaBlock::parse(index.data(M::MediaRole).toString());
        for (qsizetype i = 0; i < media.size() && i < items.size(); ++i) {
            if (mouse->button() == Qt::LeftButton &&
                media[i].contains(mouse->position().toPoint()) && items[i].state == u"cached"_s) {
                Q_EMIT mediaClicked(items[i].path, items[i].contentType);
                return true;
            }
        }
        const QRect retry = retryRect(option.rect, index);
        if (mouse->button() == Qt::LeftButton && retry.contains(mouse->position().toPoint())) {
            Q_EMIT retryClicked(index.data(M::IdRole).toLongLong());
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

void MessageBubbleDelegate::paintNote(QPainter *p, const QStyleOptionViewItem &option,
                                      const QModelIndex &index, const Geometry &g) const
{
    const QPoint origin = option.rect.topLeft();
    const QFont small = smallFont(option.font);
    p->setPen(QPen(NoteBorder, 1));
    p->setBrush(NoteBubble);
    p->drawRoundedRect(QRectF(g.bubble.translated(origin)).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    QFont bold = small;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(NoteHeader);
    p->drawText(g.author.translated(origin), Qt::AlignLeft | Qt::AlignVCenter,
                noteHeaderText(index));
    p->setFont(option.font);
    p->setPen(TextColor);
    p->drawText(g.text.translated(origin), Qt::TextWordWrap, index.data(M::BodyRole).toString());
    p->setFont(small);
    p->setPen(MutedColor);
    const QDateTime at = index.data(M::CreatedAtRole).toDateTime().toLocalTime();
    p->drawText(
        g.meta.translated(origin), Qt::AlignHCenter | Qt::AlignVCenter,
        tr("%1 \u00b7 not sent to the customer").arg(QLocale().toString(at.time(), u"HH:mm"_s)));
}
