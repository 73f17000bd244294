// The inbox's one door for what agents do to conversations: resolve, reopen, flag, assign,
// snooze, mark read, reply (through the Outbox), drafts, canned replies and new conversations.
// The UI (and later the CLI) call it; each command validates its input, writes through the
// StoreWriter and answers asynchronously on this object's thread. Views learn of the change
// from the change feed, never from the answer.
//
// The seam for the team log: every command describes itself as an InboxChange before it
// writes, and every answer of a write passes finish(), which emits committed(change) for a
// committed change. Most writes are one job through run(); a reply is the Outbox's own job
// and a new conversation returns more than a CommandResult, but both end in finish() too.
// The team log hooks in there (or, to commit with the change, in run()'s job).
#pragma once

#include "CommandCaller.h"
#include "CommandResult.h"
#include "InboxChange.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class Outbox;
class StoreWriter;
class ThreadActions;
struct WriterContext;

class QJsonObject;

class InboxCommands : public QObject
{
    Q_OBJECT

public:
    // The answer: ok with the id of the thread, message, draft's thread or canned reply, or
    // a refusal whose text names the problem (nothing was written then).
    using Done = std::function<void(CommandResult)>;

    // writer: the profile's (not owned); actor: the signed-in agent, recorded as the author of
    // every change.
    InboxCommands(StoreWriter *writer, const QString &actor, QObject *parent = nullptr);

    QString actor() const { return m_actor; }
    // The agent joined the team under a roster name: later changes are theirs.
    void setActor(const QString &actor) { m_actor = actor; }
    // Where replies go: the connected account's Outbox, asked at each send because it comes
    // and goes with the provider session (null: not connected, replies are refused).
    void setOutboxSource(std::function<Outbox *()> source) { m_outbox = std::move(source); }

    // Every command answers `done` (may be empty) unless `context` (may be null: this object
    // only) is gone by then. A thread must be one of the account's.
    void resolve(qint64 accountId, qint64 threadId, QObject *context, Done done);
    void reopen(qint64 accountId, qint64 threadId, QObject *context, Done done);
    void setFlagged(qint64 accountId, qint64 threadId, bool flagged, QObject *context, Done done);
    // agent '' unassigns; surrounding spaces are dropped.
    void assign(qint64 accountId, qint64 threadId, const QString &agent, QObject *context,
                Done done);
    // Hidden from Unresolved until untilMs (ms since the epoch, UTC, > 0).
    void snooze(qint64 accountId, qint64 threadId, qint64 untilMs, QObject *context, Done done);
    void unsnooze(qint64 accountId, qint64 threadId, QObject *context, Done done);
    // The agent opened the thread: nothing unread any more.
    void markRead(qint64 accountId, qint64 threadId, QObject *context, Done done);

    // Queues a reply in the thread through the account's Outbox (id: the message's). Refused
    // when the body is blank, no Outbox of this account is connected, or the customer's
    // consent does not allow it.
    void sendReply(qint64 accountId, qint64 threadId, const QString &body, QObject *context,
                   Done done);
    // Sends a failed message of the account again, as a new message (id: the new one's).
    void retrySend(qint64 accountId, qint64 messageId, QObject *context, Done done);

    // Keeps what the agent typed in the thread (a blank body clears it).
    void saveDraft(qint64 accountId, qint64 threadId, const QString &body, QObject *context,
                   Done done);
    void clearDraft(qint64 accountId, qint64 threadId, QObject *context, Done done);
    // Adds a named reply body to the account's canned replies (id: the reply's).
    void saveCannedReply(qint64 accountId, const QString &name, const QString &body,
                         QObject *context, Done done);

    // "New conversation": finds or creates the thread of the customer (E.164) and one of the
    // account's sender numbers (id: the thread's).
    struct Started
    {
        qint64 threadId = 0;
        bool created = false; // the customer was never texted from that number
        QString senderNumber;
    };
    using StartDone = std::function<void(CommandResult, Started)>;
    void startConversation(qint64 accountId, const QString &customerNumber, qint64 senderNumberId,
                           QObject *context, StartDone done);

Q_SIGNALS:
    // A command's change was committed (a command that found nothing to change does not
    // emit it). Views never need it: they follow the change feed. The team log will.
    void committed(const InboxChange &change);

private:
    // What a job did: its answer, and whether it wrote anything.
    struct Outcome
    {
        CommandResult result;
        bool changed = false;
    };
    using Job = std::function<Outcome(WriterContext &)>;
    using ThreadJob = std::function<std::optional<QList<qint64>>(ThreadActions &)>;

    // The path of a write that is one writer job: runs `job` on the writer thread for the
    // described change, then finish(). Input is validated before (a refusal never gets here).
    void run(const InboxChange &change, Job job, const CommandCaller &caller, Done done);
    // A ThreadActions command on a thread of the account.
    void threadAction(const InboxChange &change, ThreadJob job, QObject *context, Done done);
    // A change the team shares (status, flag, assignee, snooze): written as a team op, applied
    // here and queued for the team log in one transaction.
    void sharedThreadAction(const InboxChange &change, const QString &opKind,
                            const QJsonObject &opFields, QObject *context, Done done);
    // The one place every command's committed change is announced (committed()); true when
    // the caller is still there to be answered.
    bool finish(const InboxChange &change, const Outcome &outcome, const CommandCaller &caller);
    // Answers a refusal on the next event-loop turn, like every other answer.
    void refuse(const QString &error, const CommandCaller &caller, Done done);
    // What is wrong with the account, thread or actor of a thread command, '' when nothing.
    QString threadProblem(qint64 accountId, qint64 threadId) const;
    // What is wrong with sending through the Outbox for the account, '' when nothing.
    QString outboxProblem(qint64 accountId) const;
    InboxChange threadChange(const QString &kind, qint64 accountId, qint64 threadId,
                             const QVariantMap &fields = {}) const;

    StoreWriter *m_writer;
    QString m_actor;
    std::function<Outbox *()> m_outbox;
};
