// What a desktop made before it joined its account's team: templates (every version), keyword
// processes (definition and status), canned replies, confirmation rules and contacts. Shared
// automatically when the desktop joins (TeamCommands' join queues these ops with the join, in
// one transaction), so teammates get them at once instead of when each next changes. Joining
// twice (a re-join) shares nothing again. Two desktops that set up the same things apart keep
// both after joining (names settle as for any clash: "name (abcd)"); an admin deletes one.
// A template version its author approved alone arrives as a draft on every desktop, this one
// included (TemplateApprovalRule): a teammate approves it.
#pragma once

#include "TeamOp.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamBacklog
{
public:
    struct Counts
    {
        int templates = 0;
        int keywordProcesses = 0;
        int cannedReplies = 0;
        int rules = 0;
        int contacts = 0;
        bool isEmpty() const
        {
            return templates + keywordProcesses + cannedReplies + rules + contacts == 0;
        }
    };

    explicit TeamBacklog(QSqlDatabase db);

    // The ops describing everything of the account stored here that `role` may change (an
    // agent's own templates stay on their desktop), packed as the imports are; nullopt on a
    // read error (errorString()).
    std::optional<QList<TeamOp>> describe(qint64 accountId, const QString &role,
                                          Counts *counts = nullptr);
    // Queues them for the team log as `actor` (TeamShare), in one transaction; call right
    // after this desktop's join was recorded. nullopt on an error (nothing queued).
    std::optional<Counts> share(qint64 accountId, const QString &actor, const QString &role);
    // "12 templates, 3 keyword processes, 250 contacts made before joining are shared."; ''
    // when there was nothing.
    static QString summary(const Counts &counts);

    QString errorString() const { return m_error; }

private:
    std::optional<QList<TeamOp>> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
