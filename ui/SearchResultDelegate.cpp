#include "SearchResultDelegate.h"

#include "SearchResultsModel.h"
#include "ThreadListDelegate.h"

#include <QPainter>
#include <QPoint>
#include <QTextLayout>

using namespace Qt::StringLiterals;
using R = SearchResultsModel;

namespace {

constexpr int Padding = 10;
constexpr int LineGap = 2;

const QColor TextColor(0x11, 0x18, 0x27);
const QColor MutedColor(0x6b, 0x72, 0x80);
const QColor SelectedBackground(0xdb, 0xe6, 0xfe);
const QColor HoverBackground(0xf3, 0xf4, 0xf6);
const QColor DividerColor(0xe5, 0xe7, 0xeb);
const QColor MatchBackground(0xfd, 0xe6, 0x8a);
const QColor ContactForeground(0x1d, 0x4e, 0xd8);
const QColor ContactBackground(0xdb, 0xea, 0xfe);

QFont smaller(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}

} // namespace

SearchResultDelegate::SearchResultDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QString SearchResultDelegate::whoText(const QModelIndex &index)
{
    const QString name = index.data(R::CustomerNameRole).toString();
    const QString number = index.data(R::CustomerDisplayRole).toString();
    return name.isEmpty() ? number : QString(name + u" \u00b7 "_s + number);
}

QString SearchResultDelegate::viaText(const QModelIndex &index)
{
    const QString label = index.data(R::SenderLabelRole).toString();
    const QString ours = index.data(R::SenderDisplayRole).toString();
    return label.isEmpty() ? tr("via %1").arg(ours) : tr("via %1 \u00b7 %2").arg(label, ours);
}

QList<QTextLayout::FormatRange> SearchResultDelegate::matchFormats(const QModelIndex &index)
{
    QList<QTextLayout::FormatRange> formats;
    for (const QPoint &match : index.data(R::MatchesRole).value<QList<QPoint>>()) {
        QTextLayout::FormatRange range;
        range.start = match.x();
        range.length = match.y();
        range.format.setFontWeight(QFont::Bold);
        range.format.setBackground(MatchBackground);
        formats.append(range);
    }
    return formats;
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    const QFontMetrics sfm(smaller(option.font));
    return {320, 2 * Padding + fm.height() + sfm.height() + fm.height() + 2 * LineGap};
}

void SearchResultDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect;
    if (option.state & QStyle::State_Selected)
        p->fillRect(rect, SelectedBackground);
    else if (option.state & QStyle::State_MouseOver)
        p->fillRect(rect, HoverBackground);
    p->setPen(DividerColor);
    p->drawLine(rect.bottomLeft(), rect.bottomRight());

    const bool contact = index.data(R::KindRole).toString() == u"contact";
    QFont bold = option.font;
    bold.setBold(true);
    const QFont small = smaller(option.font);
    const QFontMetrics bfm(bold);
    const QFontMetrics sfm(small);
    const int left = rect.left() + Padding;
    const int right = rect.right() - Padding;
    int y = rect.top() + Padding;

    // Line 1: who, and when.
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const QString when =
        ThreadListDelegate::relativeTime(index.data(R::CreatedAtRole).toDateTime(), now);
    const int whenWidth = sfm.horizontalAdvance(when);
    p->setFont(small);
    p->setPen(MutedColor);
    p->drawText(QRect(right - whenWidth, y, whenWidth, bfm.height()),
                Qt::AlignRight | Qt::AlignVCenter, when);
    int whoRight = right - whenWidth - 8;
    if (contact) {
        const QString tag = tr("Contact");
        const int w = sfm.horizontalAdvance(tag) + 12;
        const QRect pill(whoRight - w, y + (bfm.height() - sfm.height() - 2) / 2, w,
                         sfm.height() + 2);
        p->setPen(Qt::NoPen);
        p->setBrush(ContactBackground);
        p->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        p->setPen(ContactForeground);
        p->drawText(pill, Qt::AlignCenter, tag);
        whoRight = pill.left() - 6;
    }
    p->setFont(bold);
    p->setPen(TextColor);
    p->drawText(QRect(left, y, whoRight - left, bfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                bfm.elidedText(whoText(index), Qt::ElideRight, whoRight - left));
    y += bfm.height() + LineGap;

    // Line 2: which of our numbers the conversation is on.
    p->setFont(small);
    p->setPen(MutedColor);
    p->drawText(QRect(left, y, right - left, sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                sfm.elidedText(viaText(index), Qt::ElideMiddle, right - left));
    y += sfm.height() + LineGap;

    // Line 3: the words around the match, the matching terms marked.
    QString snippet = index.data(R::SnippetRole).toString();
    snippet.replace(u'\n', u' ');
    QTextLayout layout(snippet, option.font);
    layout.setFormats(matchFormats(index));
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(wrap);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(right - left);
    layout.endLayout();
    p->setPen(contact ? MutedColor : TextColor);
    p->setClipRect(QRect(left, y, right - left, QFontMetrics(option.font).height()));
    layout.draw(p, QPointF(left, y));
    p->restore();
}
