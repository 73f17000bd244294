// The outbox's reads and writes of queued outbound messages (run them on the writer thread).
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct OutboxRow
{
    qint64 id = 0;
    qint64 threadId = 0;
    QString from;
    QString to;
    QString body;
    QString clientRef;
    int segments = 1;
    int attempts = 0;
    std::optional<qint64> lastAttemptAt; // set: it may have reached the provider
    std::optional<qint64> nextAttemptAt;
    double throughputMps = 1.0;
};

class OutboxRows
{
public:
    explicit OutboxRows(QSqlDatabase db);

    // The account's messages composed here and not yet accepted by the provider, by id.
    QList<OutboxRow> pending(qint64 accountId);
    std::optional<OutboxRow> row(qint64 messageId);
    // Before a POST: one more attempt, now.
    bool markAttempt(qint64 messageId, qint64 nowMs);
    bool scheduleRetry(qint64 messageId, qint64 atMs);
    // The provider refused it for good.
    bool markFailed(qint64 messageId, int errorCode, const QString &errorMessage, qint64 nowMs);
    // Appends an opt-out the provider reported (e.g. 21610) to the consent ledger.
    bool recordProviderOptOut(qint64 messageId, const QString &detail, qint64 nowMs);
    // Whether another local message composed here already carries this provider sid.
    bool sidTakenByOther(const QString &sid, const QString &clientRef);

    QString errorString() const { return m_error; }

private:
    bool exec(class QSqlQuery &query);

    QSqlDatabase m_db;
    QString m_error;
};
