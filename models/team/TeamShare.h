// How a change an admin or marketer makes here is shared with the team: the repository writes
// it as it always has (validation, audit row) and, when the account has joined a team on this
// desktop, the ops describing the result are queued for the team log in the same transaction,
// so a change is never applied here and then lost. Outside a team only the write runs.
#pragma once

#include "TeamOp.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

class TeamShare
{
public:
    // The repository's write: '' when done, else why it was refused (nothing written).
    using Write = std::function<QString()>;
    // The ops that describe what `write` left (ids, agent and desk are filled in here);
    // nullopt on a read error (errorString() of the caller's choosing is passed back).
    using Describe = std::function<std::optional<QList<TeamOp>>(QString *error)>;
    // Queues ops in the write's transaction: '' when queued, else why not (the write stops).
    using Queue = std::function<QString(const QList<TeamOp> &ops)>;
    // A write that queues its ops as it goes, for changes too large to describe at the end
    // (an import of a million contacts). `queue` is empty outside a team.
    using StreamedWrite = std::function<QString(const Queue &queue)>;

    explicit TeamShare(QSqlDatabase db);

    bool inTeam(qint64 accountId);
    // false with errorString() when refused or on an error (then nothing is written). `actor`
    // is the person's name, recorded as the op's "by".
    bool run(qint64 accountId, const QString &actor, const Write &write, const Describe &describe);
    // As run(), with the ops queued by the write itself.
    bool runStreamed(qint64 accountId, const QString &actor, const StreamedWrite &write);
    // Whether run() queued ops (the account is in a team).
    bool shared() const { return m_shared; }

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
    bool m_shared = false;
};
