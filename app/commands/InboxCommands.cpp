#include "InboxCommands.h"

#include "CannedReplyOpApplier.h"
#include "CannedReplyRows.h"
#include "DraftRows.h"
#include "Outbox.h"
#include "PhoneNumber.h"
#include "PhoneNumberParse.h"
#include "SenderNumberRows.h"
#include "StoreWriter.h"
#include "TeamLogWriter.h"
#include "TeamShare.h"
#include "ThreadActions.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QString notInAccount(qint64 threadId, qint64 accountId)
{
    return InboxCommands::tr("Conversation %1 is not one of account %2's conversations.")
        .arg(threadId)
        .arg(accountId);
}

} // namespace

InboxCommands::InboxCommands(StoreWriter *writer, const QString &actor, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_actor(actor.trimmed())
{}

InboxChange InboxCommands::threadChange(const QString &kind, qint64 accountId, qint64 threadId,
                                        const QVariantMap &fields) const
{
    return {kind, accountId, u"thread"_s, QString::number(threadId), fields};
}

QString InboxCommands::threadProblem(qint64 accountId, qint64 threadId) const
{
    if (accountId <= 0)
        return tr("No account is chosen.");
    if (threadId <= 0)
        return tr("No conversation is chosen.");
    if (m_actor.isEmpty())
        return tr("The agent who makes the change is not known.");
    return {};
}

QString InboxCommands::outboxProblem(qint64 accountId) const
{
    const Outbox *outbox = m_outbox ? m_outbox() : nullptr;
    if (!outbox)
        return tr("Not connected to the provider: enter the account's credentials to send.");
    if (outbox->accountId() != accountId)
        return tr("Not connected to account %1's provider yet: wait for it to connect, then "
                  "send again.")
            .arg(accountId);
    return {};
}

void InboxCommands::refuse(const QString &error, const CommandCaller &caller, Done done)
{
    QMetaObject::invokeMethod(
        this,
        [caller, error, done = std::move(done)] {
            if (caller.alive() && done)
                done(CommandResult::failure(error));
        },
        Qt::QueuedConnection);
}

bool InboxCommands::finish(const InboxChange &change, const Outcome &outcome,
                           const CommandCaller &caller)
{
    // The team log records here: every command's change passes this point once it is
    // committed, described as it was asked.
    if (outcome.result.ok && outcome.changed)
        Q_EMIT committed(change);
    return caller.alive();
}

void InboxCommands::run(const InboxChange &change, Job job, const CommandCaller &caller, Done done)
{
    m_writer->post(std::move(job), this,
                   [this, change, caller, done = std::move(done)](const Outcome &outcome) {
                       if (finish(change, outcome, caller) && done)
                           done(outcome.result);
                   });
}

void InboxCommands::threadAction(const InboxChange &change, ThreadJob job, QObject *context,
                                 Done done)
{
    const CommandCaller caller(context);
    const qint64 account = change.accountId;
    const qint64 thread = change.subject.toLongLong();
    if (const QString problem = threadProblem(account, thread); !problem.isEmpty())
        return refuse(problem, caller, std::move(done));
    run(
        change,
        [actor = m_actor, account, thread, job = std::move(job)](WriterContext &context) {
            auto actions = context.repo<ThreadActions>(actor);
            if (!actions.threadExists(account, thread))
                return Outcome{CommandResult::failure(notInAccount(thread, account)), false};
            const std::optional<QList<qint64>> changed = job(actions);
            if (!changed)
                return Outcome{CommandResult::failure(actions.errorString()), false};
            return Outcome{CommandResult::success(thread), !changed->isEmpty()};
        },
        caller, std::move(done));
}

void InboxCommands::resolve(qint64 accountId, qint64 threadId, QObject *context, Done done)
{
    sharedThreadAction(threadChange(ThreadActions::ResolveAction, accountId, threadId),
                       u"thread.resolve"_s, {{u"field"_s, u"status"_s}}, context, std::move(done));
}

void InboxCommands::reopen(qint64 accountId, qint64 threadId, QObject *context, Done done)
{
    sharedThreadAction(threadChange(ThreadActions::ReopenAction, accountId, threadId),
                       u"thread.reopen"_s, {{u"field"_s, u"status"_s}}, context, std::move(done));
}

void InboxCommands::setFlagged(qint64 accountId, qint64 threadId, bool flagged, QObject *context,
                               Done done)
{
    sharedThreadAction(
        threadChange(flagged ? ThreadActions::FlagAction : ThreadActions::UnflagAction, accountId,
                     threadId),
        u"thread.flag"_s, {{u"field"_s, u"flagged"_s}, {u"value"_s, flagged}}, context,
        std::move(done));
}

void InboxCommands::assign(qint64 accountId, qint64 threadId, const QString &agent,
                           QObject *context, Done done)
{
    const QString who = agent.trimmed();
    sharedThreadAction(
        threadChange(ThreadActions::AssignAction, accountId, threadId, {{u"assignee"_s, who}}),
        u"thread.assign"_s, {{u"field"_s, u"assignee"_s}, {u"value"_s, who}}, context,
        std::move(done));
}

void InboxCommands::snooze(qint64 accountId, qint64 threadId, qint64 untilMs, QObject *context,
                           Done done)
{
    if (untilMs <= 0 && threadProblem(accountId, threadId).isEmpty())
        return refuse(tr("A snooze needs a time to wake up at."), CommandCaller(context),
                      std::move(done));
    sharedThreadAction(
        threadChange(ThreadActions::SnoozeAction, accountId, threadId, {{u"until"_s, untilMs}}),
        u"thread.snooze"_s, {{u"field"_s, u"snooze"_s}, {u"value"_s, double(untilMs)}}, context,
        std::move(done));
}

void InboxCommands::unsnooze(qint64 accountId, qint64 threadId, QObject *context, Done done)
{
    sharedThreadAction(
        threadChange(ThreadActions::UnsnoozeAction, accountId, threadId), u"thread.snooze"_s,
        {{u"field"_s, u"snooze"_s}, {u"value"_s, QJsonValue::Null}}, context, std::move(done));
}

void InboxCommands::sharedThreadAction(const InboxChange &change, const QString &opKind,
                                       const QJsonObject &opFields, QObject *context, Done done)
{
    const CommandCaller caller(context);
    const qint64 account = change.accountId;
    const qint64 thread = change.subject.toLongLong();
    if (const QString problem = threadProblem(account, thread); !problem.isEmpty())
        return refuse(problem, caller, std::move(done));
    run(
        change,
        [actor = m_actor, account, thread, opKind, opFields](WriterContext &context) {
            // The change is a team op: applied here and, in a team, queued for the team log,
            // in one transaction (TeamLogWriter), so it is never applied and then lost.
            const QString target = context.repo<TeamOpApplier>().targetOf(account, thread);
            if (target.isEmpty())
                return Outcome{CommandResult::failure(notInAccount(thread, account)), false};
            TeamOp op;
            op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            op.agent = actor;
            op.at = QDateTime::currentMSecsSinceEpoch();
            op.kind = opKind;
            op.target = target;
            op.fields = opFields;
            op.fields.insert(u"by"_s, actor);
            auto writer = context.repo<TeamLogWriter>();
            const auto outcome = writer.recordLocal(account, op, op.at);
            if (!outcome)
                return Outcome{CommandResult::failure(writer.errorString()), false};
            if (*outcome == TeamOpApplier::Outcome::NotApplicable)
                return Outcome{CommandResult::failure(notInAccount(thread, account)), false};
            return Outcome{CommandResult::success(thread),
                           *outcome == TeamOpApplier::Outcome::Applied};
        },
        caller, std::move(done));
}

void InboxCommands::markRead(qint64 accountId, qint64 threadId, QObject *context, Done done)
{
    threadAction(
        threadChange(u"thread.read"_s, accountId, threadId),
        [accountId, threadId](ThreadActions &a) { return a.markRead(accountId, threadId); },
        context, std::move(done));
}

void InboxCommands::sendReply(qint64 accountId, qint64 threadId, const QString &body,
                              QObject *context, Done done)
{
    const CommandCaller caller(context);
    QString problem = threadProblem(accountId, threadId);
    if (problem.isEmpty() && body.trimmed().isEmpty())
        problem = tr("A reply needs some text.");
    if (problem.isEmpty())
        problem = outboxProblem(accountId);
    if (!problem.isEmpty())
        return refuse(problem, caller, std::move(done));

    const InboxChange change =
        threadChange(u"message.queue"_s, accountId, threadId, {{u"body"_s, body}});
    // The Outbox sends any thread it is given: the thread's account is checked first.
    m_writer->post(
        [accountId, threadId](WriterContext &context) {
            return context.repo<ThreadActions>(QString()).threadExists(accountId, threadId);
        },
        this,
        [this, change, caller, accountId, threadId, body, done = std::move(done)](bool ours) {
            const auto answer = [this, change, caller, done](const Outcome &outcome) {
                if (finish(change, outcome, caller) && done)
                    done(outcome.result);
            };
            if (!ours)
                return answer({CommandResult::failure(notInAccount(threadId, accountId)), false});
            // The session may have gone while the thread was checked.
            if (const QString lost = outboxProblem(accountId); !lost.isEmpty())
                return answer({CommandResult::failure(lost), false});
            m_outbox()->queueMessageAsync(
                threadId, body, m_actor, this, [answer](qint64 messageId, const QString &error) {
                    answer(messageId != 0 ? Outcome{CommandResult::success(messageId), true}
                                          : Outcome{CommandResult::failure(error), false});
                });
        });
}

void InboxCommands::retrySend(qint64 accountId, qint64 messageId, QObject *context, Done done)
{
    const CommandCaller caller(context);
    QString problem;
    if (accountId <= 0)
        problem = tr("No account is chosen.");
    else if (messageId <= 0)
        problem = tr("No message is chosen to send again.");
    else if (m_actor.isEmpty())
        problem = tr("The agent who makes the change is not known.");
    else
        problem = outboxProblem(accountId);
    if (!problem.isEmpty())
        return refuse(problem, caller, std::move(done));

    const InboxChange change{
        u"message.retry"_s, accountId, u"message"_s, QString::number(messageId), {}};
    // The Outbox reads the failed message within its own account only.
    m_outbox()->retryAsync(
        messageId, m_actor, this,
        [this, change, caller, done = std::move(done)](qint64 newId, const QString &error) {
            const Outcome outcome = newId != 0 ? Outcome{CommandResult::success(newId), true}
                                               : Outcome{CommandResult::failure(error), false};
            if (finish(change, outcome, caller) && done)
                done(outcome.result);
        });
}

void InboxCommands::saveDraft(qint64 accountId, qint64 threadId, const QString &body,
                              QObject *context, Done done)
{
    const CommandCaller caller(context);
    if (const QString problem = threadProblem(accountId, threadId); !problem.isEmpty())
        return refuse(problem, caller, std::move(done));
    const bool clearing = body.trimmed().isEmpty();
    const InboxChange change{clearing ? u"draft.clear"_s : u"draft.save"_s, accountId, u"draft"_s,
                             QString::number(threadId),
                             clearing ? QVariantMap() : QVariantMap{{u"body"_s, body}}};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    run(
        change,
        [accountId, threadId, body, now](WriterContext &context) {
            if (!context.repo<ThreadActions>(QString()).threadExists(accountId, threadId))
                return Outcome{CommandResult::failure(notInAccount(threadId, accountId)), false};
            auto drafts = context.repo<DraftRows>();
            if (!drafts.save(threadId, body, now))
                return Outcome{CommandResult::failure(drafts.errorString()), false};
            return Outcome{CommandResult::success(threadId), true};
        },
        caller, std::move(done));
}

void InboxCommands::clearDraft(qint64 accountId, qint64 threadId, QObject *context, Done done)
{
    saveDraft(accountId, threadId, QString(), context, std::move(done));
}

void InboxCommands::saveCannedReply(qint64 accountId, const QString &name, const QString &body,
                                    QObject *context, Done done)
{
    const CommandCaller caller(context);
    QString problem;
    if (accountId <= 0)
        problem = tr("No account is chosen.");
    else if (name.trimmed().isEmpty())
        problem = tr("A canned reply needs a name.");
    else if (body.trimmed().isEmpty())
        problem = tr("A canned reply needs some text.");
    else if (m_actor.isEmpty())
        problem = tr("The agent who makes the change is not known.");
    if (!problem.isEmpty())
        return refuse(problem, caller, std::move(done));
    const InboxChange change{u"canned_reply.add"_s,
                             accountId,
                             u"canned_reply"_s,
                             name.trimmed(),
                             {{u"name"_s, name.trimmed()}, {u"body"_s, body}}};
    run(
        change,
        [accountId, name, body, actor = m_actor](WriterContext &context) {
            // In a team the reply is queued for the team log with the write.
            auto replies = context.repo<CannedReplyRows>();
            auto share = context.repo<TeamShare>();
            qint64 id = 0;
            const bool ok = share.run(
                accountId, actor,
                [&]() -> QString {
                    id = replies.add(accountId, name, body);
                    return id != 0 ? QString() : replies.errorString();
                },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    auto ops = context.repo<CannedReplyOpApplier>();
                    const auto op = ops.putOp(accountId, id);
                    if (!op)
                        *error = ops.errorString();
                    return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
                });
            if (!ok)
                return Outcome{CommandResult::failure(share.errorString()), false};
            return Outcome{CommandResult::success(id), true};
        },
        caller, std::move(done));
}

void InboxCommands::startConversation(qint64 accountId, const QString &customerNumber,
                                      qint64 senderNumberId, QObject *context, StartDone done)
{
    const CommandCaller caller(context);
    QString problem;
    const PhoneNumberParse parsed = PhoneNumber::parse(customerNumber, QString());
    if (accountId <= 0)
        problem = tr("No account is chosen.");
    else if (senderNumberId <= 0)
        problem = tr("Choose one of the account's numbers to text from.");
    else if (!parsed.ok())
        problem = parsed.errorMessage;
    else if (parsed.number.isShortCode() || parsed.number.canonical() != customerNumber)
        problem = tr("'%1' is not a customer's number in international form (+14155550100).")
                      .arg(customerNumber);
    if (!problem.isEmpty()) {
        return refuse(problem, caller, [done = std::move(done)](CommandResult result) {
            if (done)
                done(result, {});
        });
    }

    struct Answer
    {
        Outcome outcome;
        Started started;
    };
    const InboxChange change{
        u"thread.start"_s,
        accountId,
        u"thread"_s,
        QString(),
        {{u"customer"_s, customerNumber}, {u"senderNumberId"_s, senderNumberId}}};
    m_writer->post(
        [accountId, customerNumber, senderNumberId](WriterContext &context) {
            Answer answer;
            // Only a number the account may text from (its own or one lent to it).
            const std::optional<SenderNumberRows::Row> sender =
                context.repo<SenderNumberRows>().find(accountId, senderNumberId);
            if (!sender) {
                answer.outcome.result =
                    CommandResult::failure(tr("That sender number is not one of this account's."));
                return answer;
            }
            answer.started.senderNumber = sender->number;
            answer.started.threadId = context.messages->findOrCreateThread(
                accountId, customerNumber, senderNumberId, {}, &answer.started.created);
            answer.outcome =
                answer.started.threadId != 0
                    ? Outcome{CommandResult::success(answer.started.threadId),
                              answer.started.created}
                    : Outcome{CommandResult::failure(context.messages->errorString()), false};
            return answer;
        },
        this,
        [this, change, caller, done = std::move(done)](const Answer &answer) mutable {
            InboxChange made = change;
            made.subject = QString::number(answer.started.threadId);
            if (finish(made, answer.outcome, caller) && done)
                done(answer.outcome.result, answer.started);
        });
}
