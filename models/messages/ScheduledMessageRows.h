// Outgoing messages scheduled to leave later ("Send later…"): when, in which customer's
// zone, and their cancel. Run on the writer thread.
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

struct ScheduledMessage
{
    qint64 id = 0;
    qint64 accountId = 0;
    qint64 threadId = 0;
    QString body;
    QString status; // 'queued' while held here, 'scheduled' while the provider holds it
    QString providerSid;
    qint64 scheduledAt = 0; // ms, UTC
    QString customer;
    QString from;
};

class ScheduledMessageRows
{
public:
    explicit ScheduledMessageRows(QSqlDatabase db);

    // The message must not leave before atMs.
    bool schedule(qint64 messageId, qint64 atMs);
    // An outgoing message of the account that has a scheduled time and has not left yet
    // (queued here, or scheduled at the provider); nullopt otherwise or on an error.
    std::optional<ScheduledMessage> pending(qint64 accountId, qint64 messageId);
    // It will not leave: 'canceled'. False when it was no longer waiting.
    bool markCanceled(qint64 messageId, qint64 nowMs);
    // The customer's IANA zone: their contact's time_zone, else their number's region's
    // default; empty when neither is known.
    QString customerZone(qint64 threadId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
