// "Send later…": schedules a reply in the customer's local time (refused inside their quiet
// hours), cancels it (at the provider when it holds it, else here) and edits it (cancel, then
// schedule anew). Answers asynchronously on this object's thread; the thread view learns of
// the change from the change feed.
#pragma once

#include "CommandResult.h"
#include "ScheduledMessageRows.h"

#include <QDate>
#include <QObject>
#include <QTime>

#include <functional>
#include <optional>

class Outbox;
class ProviderClient;
class StoreWriter;

class ScheduledSends : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(CommandResult)>;

    ScheduledSends(StoreWriter *writer, QObject *parent = nullptr);
    // The connected account's outbox and provider, asked at each call (null: not connected).
    void setOutboxSource(std::function<Outbox *()> source) { m_outbox = std::move(source); }
    void setProviderSource(std::function<ProviderClient *()> source)
    {
        m_provider = std::move(source);
    }
    // Tests move "now".
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    // The customer's IANA zone ('' when unknown).
    void customerZone(qint64 threadId, QObject *context, std::function<void(QString)> done);
    // A scheduled message that has not left, for the edit dialog.
    void pending(qint64 accountId, qint64 messageId, QObject *context,
                 std::function<void(std::optional<ScheduledMessage>)> done);

    // id: the new message's. Refused when blank, in the past, inside quiet hours (the reason
    // names the earliest allowed time), not connected, or the customer's consent refuses it.
    void schedule(qint64 accountId, qint64 threadId, const QString &body, QDate localDate,
                  QTime localTime, const QString &author, QObject *context, Done done);
    void cancel(qint64 accountId, qint64 messageId, QObject *context, Done done);
    // Cancel, then schedule the new text and time (id: the new message's).
    void reschedule(qint64 accountId, qint64 messageId, const QString &body, QDate localDate,
                    QTime localTime, const QString &author, QObject *context, Done done);

private:
    void markCanceled(qint64 messageId, const std::function<void(CommandResult)> &answer);

    StoreWriter *m_writer;
    std::function<Outbox *()> m_outbox;
    std::function<ProviderClient *()> m_provider;
    std::function<qint64()> m_now;
};
