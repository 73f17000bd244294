// The writer-side of the team log: records a change made here (applied at once, queued for the
// log when the account has joined a team) and applies what the log holds, in its order, each
// batch in one transaction together with the position reached.
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamLogWriter
{
public:
    struct LogItem
    {
        qint64 index = -1;
        QJsonObject data; // the op as the log holds it
    };
    struct Applied
    {
        int applied = 0;    // changed this profile
        int ours = 0;       // our own ops coming back (removed from the outbox)
        int skipped = 0;    // unchanged, overridden by a pending change of ours, not applicable
        int unreadable = 0; // not an op this version can read
        qint64 lastIndex = -1;
    };

    explicit TeamLogWriter(QSqlDatabase db);

    // Applies `op` (made here now) and, when the account is in a team, queues it for the log:
    // both or neither (NotApplicable: neither). nullopt on an error (errorString()).
    std::optional<TeamOpApplier::Outcome> recordLocal(qint64 accountId, const TeamOp &op,
                                                      qint64 nowMs);
    // Applies the items after the stored position, in index order, and stores the position
    // reached, in one transaction.
    std::optional<Applied> applyItems(qint64 accountId, const QList<LogItem> &items);
    // Applies a snapshot: the compacted log up to item `covers` (TeamCompactionRows order),
    // and moves the position there, in one transaction. A snapshot this desktop is already
    // past changes nothing.
    std::optional<Applied> applySnapshot(qint64 accountId, qint64 covers,
                                         const QList<LogItem> &entries);

    QString errorString() const { return m_error; }

private:
    enum class Source
    {
        Log,
        Snapshot
    };
    std::optional<Applied> apply(qint64 accountId, const QList<LogItem> &items, Source source,
                                 qint64 covers);
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
