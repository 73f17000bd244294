#include "RowSpeech.h"

#include "MessageBubbleDelegate.h"
#include "MessageMediaBlock.h"
#include "NoteTimelineModel.h"
#include "ThreadListModel.h"
#include "ThreadMessagesModel.h"

#include <QLocale>
#include <QStringList>

using namespace Qt::StringLiterals;

QString RowSpeech::when(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(u":ss"_s).remove(u".ss"_s);
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' +
           locale.toString(local.time(), time);
}

QString RowSpeech::thread(const QModelIndex &index)
{
    using M = ThreadListModel;
    QStringList parts;
    const QString name = index.data(M::CustomerNameRole).toString();
    const QString number = index.data(M::CustomerDisplayRole).toString();
    parts.append(name.isEmpty() ? tr("Thread with %1").arg(number)
                                : tr("Thread with %1, %2").arg(name, number));
    const QString label = index.data(M::SenderLabelRole).toString();
    const QString ours = index.data(M::SenderDisplayRole).toString();
    parts.append(label.isEmpty() ? tr("via %1").arg(ours) : tr("via %1 (%2)").arg(label, ours));
    if (const int unread = index.data(M::UnreadRole).toInt(); unread > 0)
        parts.append(tr("%n unread", nullptr, unread));
    if (index.data(M::FlaggedRole).toBool())
        parts.append(tr("flagged"));
    if (index.data(M::StatusRole).toString() == u"resolved")
        parts.append(tr("resolved"));
    if (const QDateTime until = index.data(M::SnoozedUntilRole).toDateTime(); until.isValid())
        parts.append(tr("snoozed until %1").arg(when(until)));
    if (const QString assignee = index.data(M::AssigneeRole).toString(); !assignee.isEmpty())
        parts.append(tr("assigned to %1").arg(assignee));
    const QString textEnabled = index.data(M::TextEnabledRole).toString();
    if (textEnabled == u"no")
        parts.append(tr("cannot receive texts"));
    const QString preview = index.data(M::PreviewRole).toString().simplified();
    parts.append(
        tr("last message %1: %2").arg(when(index.data(M::LastAtRole).toDateTime()), preview));
    return parts.join(u", "_s);
}

QString RowSpeech::message(const QModelIndex &index)
{
    using M = ThreadMessagesModel;
    const QString at = when(index.data(M::CreatedAtRole).toDateTime());
    const QString body = index.data(M::BodyRole).toString().simplified();
    const QString author = index.data(M::AuthorRole).toString();
    if (index.data(NoteTimelineModel::NoteRole).toBool()) {
        return author.isEmpty() ? tr("Internal note, %1: %2").arg(at, body)
                                : tr("Internal note by %1, %2: %3").arg(author, at, body);
    }
    const auto media = MessageMediaBlock::parse(index.data(M::MediaRole).toString()).size();
    const QString attachment = media == 0   ? QString()
                               : media == 1 ? tr(" (with an attachment)")
                                            : tr(" (with %1 attachments)").arg(media);
    if (!index.data(M::OutboundRole).toBool())
        return tr("Received %1%2: %3").arg(at, attachment, body);
    const QString status = index.data(M::StatusRole).toString();
    QString state = MessageBubbleDelegate::statusLabel(status);
    if (const QDateTime scheduled = index.data(M::ScheduledAtRole).toDateTime();
        scheduled.isValid() && (status == u"queued" || status == u"scheduled"))
        state = tr("scheduled for %1").arg(when(scheduled));
    if (MessageBubbleDelegate::isRetryable(status))
        state += u", "_s + MessageBubbleDelegate::failureText(index);
    const QString by = MessageBubbleDelegate::authorText(index);
    const QString sent = by.isEmpty() ? tr("Sent %1").arg(at) : tr("Sent by %1, %2").arg(by, at);
    return tr("%1%2, %3: %4").arg(sent, attachment, state, body);
}
