// What an agent does to a thread (resolve, reopen, flag, assign, snooze), each change written
// together with its audit_log row. Runs on the writer connection, inside a StoreWriter job.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class ThreadActions
{
public:
    // actor: the signed-in agent, written to every audit row.
    ThreadActions(QSqlDatabase db, const QString &actor);

    // Each returns the ids of the threads it changed ({} when the thread already was in that
    // state, so nothing is written), or nullopt on an error (errorString() says why, e.g. the
    // thread is not one of the account's). The change feed tells the views.
    std::optional<QList<qint64>> resolve(qint64 accountId, qint64 threadId);
    std::optional<QList<qint64>> reopen(qint64 accountId, qint64 threadId);
    std::optional<QList<qint64>> setFlagged(qint64 accountId, qint64 threadId, bool flagged);
    // agent '' unassigns; surrounding spaces are dropped.
    std::optional<QList<qint64>> assign(qint64 accountId, qint64 threadId, const QString &agent);
    // Hidden from Unresolved until untilMs (ms since the epoch, UTC); nullopt clears the snooze.
    std::optional<QList<qint64>> snoozeUntil(qint64 accountId, qint64 threadId,
                                             std::optional<qint64> untilMs);
    // The agent opened the thread: nothing unread any more. Not audited: reading changes what
    // the list shows, not who owns what.
    std::optional<QList<qint64>> markRead(qint64 accountId, qint64 threadId);

    // audit_log action names.
    static inline const QString ResolveAction = QStringLiteral("thread.resolve");
    static inline const QString ReopenAction = QStringLiteral("thread.reopen");
    static inline const QString FlagAction = QStringLiteral("thread.flag");
    static inline const QString UnflagAction = QStringLiteral("thread.unflag");
    static inline const QString AssignAction = QStringLiteral("thread.assign");
    static inline const QString SnoozeAction = QStringLiteral("thread.snooze");
    static inline const QString UnsnoozeAction = QStringLiteral("thread.unsnooze");

    // Whether the thread is one of the account's (false also when it cannot be read).
    bool threadExists(qint64 accountId, qint64 threadId);

    QString errorString() const { return m_error; }

private:
    // Runs `UPDATE threads SET <assignments> WHERE ... AND (<differs>)` (fixed SQL from this
    // class; values bound from `values`) and, when a row changed, the audit row, atomically.
    std::optional<QList<qint64>> change(qint64 accountId, qint64 threadId,
                                        const QString &assignments, const QString &differs,
                                        const QVariantMap &values, const QString &action,
                                        const QJsonObject &details);
    std::optional<QList<qint64>> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_actor;
    QString m_error;
};
