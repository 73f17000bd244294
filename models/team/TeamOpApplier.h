// Applies one team log op to this profile: the same code applies a change made here (at once,
// before it is shared) and one read from the log (in the log's order), so every desktop that
// applies the same ops in the same order holds the same state. Runs inside the caller's
// transaction on the writer connection.
#pragma once

#include "TeamOp.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamOpApplier
{
public:
    enum class Origin
    {
        Local, // made here now: apply, whatever is waiting
        Log,   // read from the team log
    };

    enum class Outcome
    {
        Applied,
        Unchanged,    // already so (or applied before: ops are idempotent)
        Overridden,   // a newer change of ours to the same field waits for the log
        NotApplicable // about something this desktop does not have (yet): skipped
    };

    explicit TeamOpApplier(QSqlDatabase db);

    // nullopt on a store error (errorString() says why; the caller rolls back).
    std::optional<Outcome> apply(qint64 accountId, const TeamOp &op, Origin origin);

    QString errorString() const { return m_error; }

    // The "customer|our number" target of one of the account's threads; '' when it is not one.
    QString targetOf(qint64 accountId, qint64 threadId);

    // Kinds this version understands; others are skipped as NotApplicable (a newer desktop's).
    static bool isKnownKind(const QString &kind);
    // The thread field a thread op sets ("status", "flagged", "assignee", "snooze").
    static QString threadField(const QString &kind);

private:
    std::optional<Outcome> applyThread(qint64 accountId, const TeamOp &op, Origin origin);
    std::optional<Outcome> applyNote(qint64 accountId, const TeamOp &op);
    std::optional<Outcome> applyConsent(qint64 accountId, const TeamOp &op);
    std::optional<Outcome> applyAgent(qint64 accountId, const TeamOp &op);
    // The thread of a "customer|our number" target; 0 when the number or thread is unknown.
    qint64 threadOf(qint64 accountId, const QString &target);
    std::optional<Outcome> fail(const QString &message);

    // Whether this desktop has changes waiting for the log (read once per applier: a batch
    // only takes ours off the queue), and sender numbers by E.164: a snapshot of 100,000
    // threads asks both for every op.
    bool hasWaitingChanges(qint64 accountId);

    QSqlDatabase m_db;
    QString m_error;
    std::optional<bool> m_waiting;
    QHash<QString, qint64> m_numbers;
};
