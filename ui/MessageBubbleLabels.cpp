// MessageBubbleDelegate's texts: labels of days and statuses, the meta line under a bubble,
// the author line, failure reasons. Apart from the painting so each file stays small.
#include "MessageBubbleDelegate.h"

#include "ScheduledSendTime.h"
#include "SendFailure.h"
#include "SyncEngine.h"
#include "ThreadMessagesModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;
using M = ThreadMessagesModel;

QString MessageBubbleDelegate::noteHeaderText(const QModelIndex &index)
{
    const QString author = index.data(M::AuthorRole).toString();
    return author.isEmpty() ? tr("Internal note") : tr("Internal note \u00b7 %1").arg(author);
}

QString MessageBubbleDelegate::authorText(const QModelIndex &index)
{
    const QString campaign = index.data(M::CampaignNameRole).toString();
    if (index.data(M::CampaignIdRole).toLongLong() != 0)
        return tr("Campaign: %1").arg(campaign.isEmpty() ? tr("(deleted)") : campaign);
    return index.data(M::AuthorRole).toString();
}

bool MessageBubbleDelegate::startsDay(const QModelIndex &index)
{
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    return !previous.isValid() || previous.data(M::DayRole) != index.data(M::DayRole);
}

// Time, and for outbound messages segments and delivery status.
QString MessageBubbleDelegate::metaLine(const QModelIndex &index, const QDateTime &now)
{
    const QDateTime at = index.data(M::CreatedAtRole).toDateTime().toLocalTime();
    const QString time = QLocale().toString(at.time(), u"HH:mm"_s);
    if (!index.data(M::OutboundRole).toBool())
        return time;
    const QString status = index.data(M::StatusRole).toString();
    const QDateTime scheduledAt = index.data(M::ScheduledAtRole).toDateTime();
    const bool noReceipt = isNoReceipt(status, index.data(M::CreatedAtRole).toDateTime(), now);
    QString meta = (noReceipt ? tr("No receipt") : statusLabel(status)) + u" \u00b7 "_s + time;
    if (scheduledAt.isValid() && (status == u"queued" || status == u"scheduled"))
        meta = scheduledLabel(scheduledAt.toMSecsSinceEpoch(),
                              index.data(M::CustomerZoneRole).toString());
    const int segments = index.data(M::SegmentsRole).toInt();
    if (segments > 1)
        meta = tr("%n segments", nullptr, segments) + u" \u00b7 "_s + meta;
    return meta;
}

QString MessageBubbleDelegate::dayLabel(const QDate &day, const QDate &today)
{
    const QLocale locale;
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    const QString monthDay = tr("%1 %2", "month name, day of the month")
                                 .arg(locale.monthName(day.month(), QLocale::LongFormat))
                                 .arg(day.day());
    if (day.year() != today.year())
        return tr("%1, %2", "month and day, year").arg(monthDay).arg(day.year());
    return tr("%1, %2", "weekday, month and day")
        .arg(locale.dayName(day.dayOfWeek(), QLocale::LongFormat), monthDay);
}

QString MessageBubbleDelegate::scheduledLabel(qint64 utcMs, const QString &zone)
{
    return tr("Scheduled for %1 \u00b7 right-click to edit or cancel")
        .arg(ScheduledSendTime::bubbleLabel(utcMs, zone));
}

QString MessageBubbleDelegate::statusLabel(const QString &status)
{
    static const QHash<QString, const char *> labels = {
        {u"queued"_s, QT_TR_NOOP("Queued")},
        {u"sending"_s, QT_TR_NOOP("Sending\u2026")},
        {u"sent"_s, QT_TR_NOOP("Sent")},
        {u"delivered"_s, QT_TR_NOOP("Delivered")},
        {u"undelivered"_s, QT_TR_NOOP("Undelivered")},
        {u"failed"_s, QT_TR_NOOP("Failed")},
        {u"accepted"_s, QT_TR_NOOP("Queued")},
        {u"scheduled"_s, QT_TR_NOOP("Scheduled")},
        {u"read"_s, QT_TR_NOOP("Read")},
        {u"partially_delivered"_s, QT_TR_NOOP("Partly delivered")},
        {u"canceled"_s, QT_TR_NOOP("Canceled")},
        {u"blocked"_s, QT_TR_NOOP("Blocked")},
    };
    const char *label = labels.value(status);
    return label ? tr(label) : status;
}

bool MessageBubbleDelegate::isNoReceipt(const QString &status, const QDateTime &createdAt,
                                        const QDateTime &now)
{
    return status == u"sent" && createdAt.isValid() &&
           createdAt.msecsTo(now) >
               std::chrono::duration_cast<std::chrono::milliseconds>(SyncEngine::ReceiptWindow)
                   .count();
}

QDateTime MessageBubbleDelegate::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

bool MessageBubbleDelegate::isRetryable(const QString &status)
{
    return status == u"failed" || status == u"undelivered";
}

QString MessageBubbleDelegate::failureText(const QModelIndex &index)
{
    const QString message = index.data(M::ErrorMessageRole).toString();
    const int code = index.data(M::ErrorCodeRole).toInt();
    QString text = message.isEmpty() ? tr("The provider gave no reason") : message;
    if (code != 0)
        text += tr(" (error %1)").arg(code);
    if (SendFailure::isPermanent(code))
        text += tr(". Sending it again cannot help.");
    return text;
}
