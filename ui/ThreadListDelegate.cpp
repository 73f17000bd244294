#include "ThreadListDelegate.h"

#include "ThreadListModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace {

constexpr int Padding = 12;
constexpr int LineGap = 3;

const QColor TextColor(0x11, 0x18, 0x27);
const QColor MutedColor(0x6b, 0x72, 0x80);
const QColor AccentColor(0x1d, 0x4e, 0xd8);
const QColor SelectedBackground(0xdb, 0xe6, 0xfe);
const QColor HoverBackground(0xf3, 0xf4, 0xf6);
const QColor DividerColor(0xe5, 0xe7, 0xeb);

struct Badge
{
    QString text;
    QColor foreground;
    QColor background;
};

Badge textEnabledBadge(const QString &state)
{
    if (state == u"yes")
        return {ThreadListDelegate::tr("Text OK"), QColor(0x06, 0x5f, 0x46),
                QColor(0xd1, 0xfa, 0xe5)};
    if (state == u"no")
        return {ThreadListDelegate::tr("Landline"), QColor(0x99, 0x1b, 0x1b),
                QColor(0xfe, 0xe2, 0xe2)};
    if (state == u"checking")
        return {ThreadListDelegate::tr("Checking"), MutedColor, QColor(0xf3, 0xf4, 0xf6)};
    return {u"?"_s, MutedColor, QColor(0xf3, 0xf4, 0xf6)};
}

// Draws a pill right-aligned at right; returns its left edge.
int drawPill(QPainter *p, const QFont &font, const Badge &badge, int right, int centerY)
{
    const QFontMetrics fm(font);
    const int w = fm.horizontalAdvance(badge.text) + 12;
    const int h = fm.height() + 2;
    const QRect r(right - w, centerY - h / 2, w, h);
    p->setPen(Qt::NoPen);
    p->setBrush(badge.background);
    p->drawRoundedRect(r, h / 2.0, h / 2.0);
    p->setFont(font);
    p->setPen(badge.foreground);
    p->drawText(r, Qt::AlignCenter, badge.text);
    return r.left();
}

} // namespace

ThreadListDelegate::ThreadListDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QString ThreadListDelegate::relativeTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    const qint64 secs = at.secsTo(now);
    if (secs < 60)
        return tr("now");
    if (secs < 3600)
        return tr("%1m", "minutes ago").arg(secs / 60);
    const QDateTime local = at.toLocalTime();
    if (secs < 24 * 3600)
        return tr("%1h", "hours ago").arg(secs / 3600);
    const QLocale locale;
    if (secs < 6 * 24 * 3600)
        return locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    if (local.date().year() == now.toLocalTime().date().year())
        return tr("%1 %2", "short month name, day of the month")
            .arg(locale.monthName(local.date().month(), QLocale::ShortFormat))
            .arg(local.date().day());
    return tr("%1 %2, %3", "short month name, day of the month, year")
        .arg(locale.monthName(local.date().month(), QLocale::ShortFormat))
        .arg(local.date().day())
        .arg(local.date().year());
}

QString ThreadListDelegate::clockText(const QTime &time)
{
    // Some locales' short format (C, en_DK...) carries seconds, which a wake-up time never has.
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(u":ss"_s).remove(u".ss"_s);
    return QLocale().toString(time, format);
}

QString ThreadListDelegate::snoozeText(const QDateTime &until, const QDateTime &now)
{
    if (!until.isValid() || until <= now)
        return {};
    const QLocale locale;
    const QDateTime local = until.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = clockText(local.time());
    QString when;
    if (local.date() == today)
        when = time;
    else if (today.daysTo(local.date()) < 7)
        when = locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat) + u' ' + time;
    else
        when = tr("%1 %2, %3", "short month name, day of the month, time")
                   .arg(locale.monthName(local.date().month(), QLocale::ShortFormat))
                   .arg(local.date().day())
                   .arg(time);
    return tr("Snoozed until %1").arg(when);
}

QList<ThreadListDelegate::Pill> ThreadListDelegate::pills(const QModelIndex &index) const
{
    using M = ThreadListModel;
    QList<Pill> pills;
    if (const int unread = index.data(M::UnreadRole).toInt(); unread > 0)
        pills.append({Pill::Kind::Unread, QString::number(unread)});
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (const QString snoozed = snoozeText(index.data(M::SnoozedUntilRole).toDateTime(), now);
        !snoozed.isEmpty())
        pills.append({Pill::Kind::Snoozed, snoozed});
    if (index.data(M::StatusRole).toString() == u"resolved")
        pills.append({Pill::Kind::Resolved, tr("\u2713 Resolved")});
    if (const QString assignee = index.data(M::AssigneeRole).toString(); !assignee.isEmpty())
        pills.append({Pill::Kind::Assignee, u"@"_s + assignee});
    if (m_presence) {
        const QString key = index.data(M::CustomerNumberRole).toString() + u'|' +
                            index.data(M::SenderNumberRole).toString();
        if (const QString here = m_presence(key); !here.isEmpty())
            pills.append({Pill::Kind::Presence, here});
    }
    return pills;
}

QSize ThreadListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics sfm(small);
    // Rows take the viewport's width (the view lays them out so); a wide hint would only
    // scroll the badges at the right edge out of sight.
    return {2 * Padding, 2 * Padding + fm.height() + 2 * sfm.height() + 2 * LineGap + 4};
}

void ThreadListDelegate::paint(QPainter *p, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    using M = ThreadListModel;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect;

    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        p->fillRect(rect, SelectedBackground);
    else if (option.state & QStyle::State_MouseOver)
        p->fillRect(rect, HoverBackground);
    p->setPen(DividerColor);
    p->drawLine(rect.bottomLeft(), rect.bottomRight());

    const int unread = index.data(M::UnreadRole).toInt();
    const bool resolved = index.data(M::StatusRole).toString() == u"resolved";
    const bool flagged = index.data(M::FlaggedRole).toBool();

    QFont base = option.font;
    QFont title = base;
    title.setBold(unread > 0);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);
    QFont smallBold = small;
    smallBold.setBold(true);
    const QFontMetrics tfm(title);
    const QFontMetrics sfm(small);

    const int left = rect.left() + Padding + 10; // room for the unread dot
    const int right = rect.right() - Padding;
    int y = rect.top() + Padding;

    // Unread: a dot in the left margin, as mail clients do.
    if (unread > 0) {
        p->setPen(Qt::NoPen);
        p->setBrush(AccentColor);
        p->drawEllipse(QPointF(rect.left() + Padding, y + tfm.height() / 2.0), 3.5, 3.5);
    }

    // Line 1: who, and when.
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    const QString when = relativeTime(index.data(M::LastAtRole).toDateTime(), now);
    p->setFont(small);
    p->setPen(unread > 0 ? AccentColor : MutedColor);
    const int whenWidth = sfm.horizontalAdvance(when);
    p->drawText(QRect(right - whenWidth, y, whenWidth, tfm.height()),
                Qt::AlignRight | Qt::AlignVCenter, when);
    int titleRight = right - whenWidth - 8;
    if (flagged) {
        const QString flag = u"\u2691"_s; // ⚑
        p->setPen(QColor(0xdc, 0x26, 0x26));
        p->setFont(title);
        const int fw = tfm.horizontalAdvance(flag);
        p->drawText(QRect(titleRight - fw, y, fw, tfm.height()), Qt::AlignCenter, flag);
        titleRight -= fw + 6;
    }
    p->setFont(title);
    p->setPen(resolved ? MutedColor : TextColor);
    const QString name = index.data(Qt::DisplayRole).toString();
    p->drawText(QRect(left, y, titleRight - left, tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                tfm.elidedText(name, Qt::ElideRight, titleRight - left));
    y += tfm.height() + LineGap;

    // Line 2: which of our numbers the conversation is on (always shown), and text-enabled.
    const int badgeLeft =
        drawPill(p, small, textEnabledBadge(index.data(M::TextEnabledRole).toString()), right,
                 y + sfm.height() / 2);
    const QString label = index.data(M::SenderLabelRole).toString();
    const QString ours = index.data(M::SenderDisplayRole).toString();
    const QString via =
        label.isEmpty() ? tr("via %1").arg(ours) : tr("via %1 \u00b7 %2").arg(label, ours);
    p->setFont(small);
    p->setPen(MutedColor);
    p->drawText(QRect(left, y, badgeLeft - 8 - left, sfm.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                sfm.elidedText(via, Qt::ElideMiddle, badgeLeft - 8 - left));
    y += sfm.height() + LineGap;

    // Line 3: the last message, then unread count, snooze, resolved state and assignee.
    int previewRight = right;
    const int mid = y + sfm.height() / 2;
    for (const Pill &pill : pills(index)) {
        Badge badge{pill.text, QColor(0x37, 0x41, 0x51), QColor(0xe5, 0xe7, 0xeb)};
        if (pill.kind == Pill::Kind::Unread)
            badge = {pill.text, Qt::white, AccentColor};
        else if (pill.kind == Pill::Kind::Snoozed)
            badge = {pill.text, QColor(0x92, 0x40, 0x0e), QColor(0xfe, 0xf3, 0xc7)};
        else if (pill.kind == Pill::Kind::Resolved)
            badge = {pill.text, QColor(0x06, 0x5f, 0x46), QColor(0xec, 0xfd, 0xf5)};
        else if (pill.kind == Pill::Kind::Presence)
            badge = {pill.text, QColor(0x1a, 0x7f, 0x37), QColor(0xdc, 0xfc, 0xe7)};
        previewRight = drawPill(p, pill.kind == Pill::Kind::Unread ? smallBold : small, badge,
                                previewRight, mid) -
                       6;
    }
    p->setFont(small);
    p->setPen(unread > 0 ? TextColor : MutedColor);
    QString preview = index.data(M::PreviewRole).toString();
    preview.replace(u'\n', u' ');
    p->drawText(QRect(left, y, previewRight - 4 - left, sfm.height()),
                Qt::AlignLeft | Qt::AlignVCenter,
                sfm.elidedText(preview, Qt::ElideRight, previewRight - 4 - left));
    p->restore();
}
