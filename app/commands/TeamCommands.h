// The team's one door on a desktop and in the CLI: join the account's team (a name and role of
// one's own choosing, or an admin's invitation), invite someone, change a member's role,
// remove a member, and write an internal note on a thread. Each is a team op, applied here and
// queued for the team log in one transaction (TeamLogWriter::recordLocal); answers arrive
// asynchronously, views follow the change feed.
//
// What the app enforces: inviting, changing roles and removing are an admin's (refused here,
// and skipped by every desktop's applier when the maker is no admin at that point of the log);
// the team keeps at least one admin. The provider knows nothing of roles (docs/TEAM.md).
#pragma once

#include "CommandCaller.h"
#include "CommandResult.h"
#include "TeamInvite.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class StoreWriter;
struct WriterContext;

class TeamCommands : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(CommandResult)>;
    using InviteDone = std::function<void(CommandResult, TeamInvite)>;

    // writer: the profile's (not owned); soloName: the author of notes while this desktop has
    // not joined the account's team.
    explicit TeamCommands(StoreWriter *writer, const QString &soloName = {},
                          QObject *parent = nullptr);

    // What is wrong with joining as `name` with `role`, '' when nothing.
    static QString joinProblem(const QString &name, const QString &role);
    // The join itself, on the writer thread (the CLI runs it through StoreWriter::call): this
    // desktop (`deskId`) becomes the agent, a new one or the invitation's. ok with no id.
    static CommandResult joinJob(WriterContext &context, qint64 accountId, const QString &deskId,
                                 const QString &name, const QString &role,
                                 const std::optional<TeamInvite> &invite);
    // An admin's invitation, on the writer thread: recorded as a team op (agent.invite).
    static CommandResult inviteJob(WriterContext &context, qint64 accountId,
                                   const TeamInvite &invite);

    // Every command answers `done` (may be empty) unless `context` (may be null) is gone.
    void join(qint64 accountId, const QString &name, const QString &role, QObject *context,
              Done done);
    // inviteText: what the admin's Team page gave (TeamInvite::toText()).
    void joinWithInvite(qint64 accountId, const QString &inviteText, QObject *context, Done done);
    // Admins: a new invitation for `name` as `role`; the text to give that person comes back.
    void invite(qint64 accountId, const QString &name, const QString &role, QObject *context,
                InviteDone done);
    void setRole(qint64 accountId, const QString &agentId, const QString &role, QObject *context,
                 Done done);
    // Also withdraws an invitation not used yet.
    void remove(qint64 accountId, const QString &agentId, QObject *context, Done done);
    // An internal note on one of the account's threads (never sent to the customer); @Name of
    // a roster member mentions them (id: the thread's).
    void addNote(qint64 accountId, qint64 threadId, const QString &body, QObject *context,
                 Done done);

private:
    using Job = std::function<CommandResult(WriterContext &)>;
    void run(Job job, QObject *context, Done done);
    void refuse(const QString &error, QObject *context, Done done);
    // An admin's change of a member (agent.role, agent.remove).
    void memberChange(qint64 accountId, const QString &agentId, const QString &kind,
                      const QString &role, QObject *context, Done done);

    StoreWriter *m_writer;
    QString m_soloName;
};
