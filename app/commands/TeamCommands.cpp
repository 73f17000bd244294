#include "TeamCommands.h"

#include "StoreLogging.h"
#include "StoreWriter.h"
#include "TeamAgentOps.h"
#include "TeamBacklog.h"
#include "TeamLogWriter.h"
#include "TeamOpApplier.h"
#include "TeamRosterRows.h"
#include "TeamStateRows.h"
#include "ThreadNoteRows.h"
#include "WriterContext.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

const char *const NotJoined =
    QT_TRANSLATE_NOOP("TeamCommands", "this desktop has not joined the account's team");

TeamOp newOp(const QString &agentId, const QString &deskId, const QString &kind,
             const QString &target, const QJsonObject &fields)
{
    TeamOp op;
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.agent = agentId;
    op.desk = deskId;
    op.at = QDateTime::currentMSecsSinceEpoch();
    op.kind = kind;
    op.target = target;
    op.fields = fields;
    return op;
}

// Records `op`; NotApplicable is refused with `refusal`.
CommandResult record(WriterContext &context, qint64 accountId, const TeamOp &op,
                     const QString &refusal, qint64 id = 0)
{
    auto writer = context.repo<TeamLogWriter>();
    const auto outcome = writer.recordLocal(accountId, op, op.at);
    if (!outcome)
        return CommandResult::failure(writer.errorString());
    if (*outcome == TeamOpApplier::Outcome::NotApplicable)
        return CommandResult::failure(refusal);
    return CommandResult::success(id);
}

// The state of an admin of the account's team, or the refusal.
std::optional<TeamStateRows::State> adminState(WriterContext &context, qint64 accountId,
                                               QString *refusal)
{
    const auto state = context.repo<TeamStateRows>().state(accountId);
    if (!state)
        *refusal = QCoreApplication::translate("TeamCommands", NotJoined);
    else if (state->role != u"admin")
        *refusal =
            QCoreApplication::translate("TeamCommands", "only an admin of the team can do that");
    else
        return state;
    return std::nullopt;
}

int activeAdmins(WriterContext &context, qint64 accountId)
{
    int admins = 0;
    for (const auto &m :
         context.repo<TeamRosterRows>().list(accountId).value_or(QList<TeamRosterRows::Member>{}))
        admins += m.active && m.role == u"admin" ? 1 : 0;
    return admins;
}

} // namespace

TeamCommands::TeamCommands(StoreWriter *writer, const QString &soloName, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_soloName(soloName)
{}

QString TeamCommands::joinProblem(const QString &name, const QString &role)
{
    if (name.trimmed().isEmpty())
        return tr("Say the name your teammates will know you by.");
    if (name.contains(u','))
        return tr("A name cannot contain a comma.");
    if (!TeamAgentOps::isRole(role))
        return tr("The role must be agent, marketer or admin, not '%1'.").arg(role);
    return {};
}

CommandResult TeamCommands::joinJob(WriterContext &context, qint64 accountId, const QString &deskId,
                                    const QString &name, const QString &role,
                                    const std::optional<TeamInvite> &invite)
{
    const QString agentId =
        invite ? invite->agentId : QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool firstJoin = !context.repo<TeamStateRows>().state(accountId).has_value();
    if (!context.repo<TeamStateRows>().join(accountId, agentId, deskId))
        return CommandResult::failure(
            QCoreApplication::translate("TeamCommands", "cannot join the team"));
    QJsonObject fields{{u"name"_s, invite ? invite->name : name.trimmed()},
                       {u"role"_s, invite ? invite->role : role}};
    if (invite)
        fields.insert(u"invite"_s, invite->code);
    const CommandResult joined =
        record(context, accountId, newOp(agentId, deskId, u"agent.join"_s, agentId, fields),
               QCoreApplication::translate("TeamCommands",
                                           "this invitation was withdrawn or used already"));
    // What this desktop made before joining follows the join into the log (TeamBacklog).
    if (joined.ok && firstJoin) {
        auto backlog = context.repo<TeamBacklog>();
        if (!backlog.share(accountId, fields.value(u"name"_s).toString(),
                           fields.value(u"role"_s).toString()))
            qCWarning(lcStore) << "what was made before joining is not shared:"
                               << backlog.errorString();
    }
    return joined;
}

CommandResult TeamCommands::inviteJob(WriterContext &context, qint64 accountId,
                                      const TeamInvite &invite)
{
    QString refusal;
    const auto me = adminState(context, accountId, &refusal);
    if (!me)
        return CommandResult::failure(refusal);
    const TeamOp op =
        newOp(me->agentId, me->deskId, u"agent.invite"_s, invite.agentId,
              {{u"name"_s, invite.name}, {u"role"_s, invite.role}, {u"code"_s, invite.code}});
    return record(
        context, accountId, op,
        QCoreApplication::translate("TeamCommands", "only an admin of the team can do that"));
}

void TeamCommands::run(Job job, QObject *context, Done done)
{
    const CommandCaller caller(context);
    m_writer->post(std::move(job), this,
                   [caller, done = std::move(done)](const CommandResult &result) {
                       if (caller.alive() && done)
                           done(result);
                   });
}

void TeamCommands::refuse(const QString &error, QObject *context, Done done)
{
    const CommandCaller caller(context);
    QMetaObject::invokeMethod(
        this,
        [caller, error, done = std::move(done)] {
            if (caller.alive() && done)
                done(CommandResult::failure(error));
        },
        Qt::QueuedConnection);
}

void TeamCommands::join(qint64 accountId, const QString &name, const QString &role,
                        QObject *context, Done done)
{
    if (const QString problem = joinProblem(name, role); !problem.isEmpty())
        return refuse(problem, context, std::move(done));
    run([accountId, desk = m_writer->profileUuid(), name,
         role](WriterContext &c) { return joinJob(c, accountId, desk, name, role, std::nullopt); },
        context, std::move(done));
}

void TeamCommands::joinWithInvite(qint64 accountId, const QString &inviteText, QObject *context,
                                  Done done)
{
    const auto invite = TeamInvite::fromText(inviteText);
    if (!invite)
        return refuse(tr("This is not an SMS Desk invitation (it starts with smsdesk-invite:)."),
                      context, std::move(done));
    run(
        [accountId, desk = m_writer->profileUuid(), invite](WriterContext &c) {
            return joinJob(c, accountId, desk, invite->name, invite->role, invite);
        },
        context, std::move(done));
}

void TeamCommands::invite(qint64 accountId, const QString &name, const QString &role,
                          QObject *context, InviteDone done)
{
    const CommandCaller caller(context);
    if (const QString problem = joinProblem(name, role); !problem.isEmpty()) {
        refuse(problem, context, [done](const CommandResult &r) {
            if (done)
                done(r, {});
        });
        return;
    }
    const TeamInvite invite = TeamInvite::create(name, role);
    m_writer->post(
        [accountId, invite](WriterContext &c) { return inviteJob(c, accountId, invite); }, this,
        [caller, invite, done = std::move(done)](const CommandResult &result) {
            if (caller.alive() && done)
                done(result, result.ok ? invite : TeamInvite{});
        });
}

void TeamCommands::setRole(qint64 accountId, const QString &agentId, const QString &role,
                           QObject *context, Done done)
{
    if (!TeamAgentOps::isRole(role))
        return refuse(tr("The role must be agent, marketer or admin, not '%1'.").arg(role), context,
                      std::move(done));
    memberChange(accountId, agentId, u"agent.role"_s, role, context, std::move(done));
}

void TeamCommands::remove(qint64 accountId, const QString &agentId, QObject *context, Done done)
{
    memberChange(accountId, agentId, u"agent.remove"_s, {}, context, std::move(done));
}

void TeamCommands::memberChange(qint64 accountId, const QString &agentId, const QString &kind,
                                const QString &role, QObject *context, Done done)
{
    run(
        [accountId, agentId, kind, role](WriterContext &c) {
            QString refusal;
            const auto me = adminState(c, accountId, &refusal);
            if (!me)
                return CommandResult::failure(refusal);
            const auto member = c.repo<TeamRosterRows>().member(accountId, agentId);
            if (!member || (!member->active && !member->invited))
                return CommandResult::failure(
                    QCoreApplication::translate("TeamCommands", "no such member in the team"));
            // The team keeps an admin: someone must be able to invite and remove.
            if (member->active && member->role == u"admin" && role != u"admin" &&
                activeAdmins(c, accountId) <= 1)
                return CommandResult::failure(
                    QCoreApplication::translate(
                        "TeamCommands",
                        "%1 is the team's only admin: make someone else admin first")
                        .arg(member->name));
            QJsonObject fields{{u"name"_s, member->name}};
            if (!role.isEmpty())
                fields.insert(u"role"_s, role);
            return record(c, accountId, newOp(me->agentId, me->deskId, kind, agentId, fields),
                          QCoreApplication::translate("TeamCommands",
                                                      "only an admin of the team can do that"));
        },
        context, std::move(done));
}

void TeamCommands::addNote(qint64 accountId, qint64 threadId, const QString &body, QObject *context,
                           Done done)
{
    const QString text = body.trimmed();
    if (text.isEmpty())
        return refuse(tr("The note is empty."), context, std::move(done));
    run(
        [accountId, threadId, text, solo = m_soloName](WriterContext &c) {
            const QString target = c.repo<TeamOpApplier>().targetOf(accountId, threadId);
            if (target.isEmpty())
                return CommandResult::failure(
                    QCoreApplication::translate("TeamCommands",
                                                "thread %1 is not one of this account's")
                        .arg(threadId));
            const auto state = c.repo<TeamStateRows>().state(accountId);
            const QString author = state && !state->agentName.isEmpty() ? state->agentName : solo;
            QStringList names;
            for (const auto &m :
                 c.repo<TeamRosterRows>().list(accountId).value_or(QList<TeamRosterRows::Member>{}))
                if (m.active)
                    names.append(m.name);
            const QStringList mentions = ThreadNoteRows::mentionsIn(text, names);
            const TeamOp op = newOp(state ? state->agentId : author,
                                    state ? state->deskId : QString(), u"note.add"_s, target,
                                    {{u"body"_s, text},
                                     {u"author"_s, author},
                                     {u"by"_s, author},
                                     {u"mentions"_s, mentions.join(u',')}});
            return record(
                c, accountId, op,
                QCoreApplication::translate("TeamCommands", "the note could not be stored"),
                threadId);
        },
        context, std::move(done));
}
