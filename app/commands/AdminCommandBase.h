// What the admin and marketing command services (keywords, numbers, templates, campaigns,
// contacts) share: the account and the person they act for, refusals answered asynchronously,
// and writer jobs that pass every successful change through one seam for the team log.
#pragma once

#include "CommandResult.h"
#include "StoreWriter.h"

#include <QObject>
#include <QString>

#include <functional>
#include <utility>

class AdminCommandBase : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const CommandResult &result)>;

    qint64 accountId() const { return m_accountId; }
    QString actor() const { return m_actor; }
    // The desktop's person joined the team (or was renamed): later changes are theirs.
    void setActor(const QString &actor) { m_actor = actor; }

    // What a change recorded for the team says; handed to record() on the writer thread.
    struct Change
    {
        qint64 accountId = 0;
        QString actor;
        QString command; // "keyword.start", "campaign.pause", ...
        qint64 subjectId = 0;
    };

protected:
    // `writer` is not owned and must outlive the service; answers come on this object's thread
    // and are dropped when the object is gone.
    AdminCommandBase(StoreWriter *writer, qint64 accountId, const QString &actor,
                     QObject *parent = nullptr);

    StoreWriter *writer() const { return m_writer; }

    // Answers a refusal found before anything was written, on the next event-loop turn, so a
    // caller gets every answer the same (asynchronous) way.
    void refuse(const QString &error, Done done);

    // Runs `job(WriterContext &) -> CommandResult` on the writer thread; a successful result
    // passes through record() in the same job, before the answer is sent. The answer comes
    // after the change feed delivered the job's changes (it is flushed first), so views that
    // follow the feed already show the change when the caller hears back.
    template<typename Job>
    void run(const QString &command, Job job, Done done)
    {
        Change change{m_accountId, m_actor, command, 0};
        m_writer->post(
            [change, job = std::move(job)](WriterContext &context) mutable {
                // In a team, what this desktop's role does not allow is refused unwritten.
                if (const QString refused = refusal(context, change); !refused.isEmpty())
                    return CommandResult::failure(refused);
                CommandResult result = job(context);
                if (result.ok) {
                    change.subjectId = result.id;
                    record(context, change);
                }
                return result;
            },
            this,
            [feed = m_writer->changes(), done = std::move(done)](const CommandResult &result) {
                feed->flush();
                if (done)
                    done(result);
            });
    }

    // The same for jobs that answer more than a CommandResult (an import's row errors...):
    // `job` returns a pair of the CommandResult and the detail handed to `done`. The job checks
    // refusal() itself, to put the refusal in its detail.
    template<typename Detail, typename Job>
    void runWithDetail(const QString &command, Job job,
                       std::function<void(const CommandResult &, const Detail &)> done)
    {
        Change change{m_accountId, m_actor, command, 0};
        m_writer->post(
            [change, job = std::move(job)](WriterContext &context) mutable {
                std::pair<CommandResult, Detail> answer = job(context);
                if (answer.first.ok) {
                    change.subjectId = answer.first.id;
                    record(context, change);
                }
                return answer;
            },
            this,
            [feed = m_writer->changes(),
             done = std::move(done)](const std::pair<CommandResult, Detail> &answer) {
                feed->flush();
                if (done)
                    done(answer.first, answer.second);
            });
    }

    // Who a change is recorded as: in a team this desktop's roster name (whatever the caller
    // was given, e.g. the CLI's --actor default), else `actor`. On the writer thread.
    static QString actingAs(WriterContext &context, qint64 accountId, const QString &actor);
    // '' when this desktop's team role allows the command (or it is not in a team), else the
    // refusal naming the role needed (TeamPermissions). On the writer thread.
    static QString refusal(WriterContext &context, const Change &change);

private:
    // THE TEAM LOG SEAM. Every change an admin or marketing command makes passes here, on the
    // writer thread, right after the store committed it and before the caller hears back. The
    // team log (a later issue) writes its entry here, so no command can change data without
    // it being recorded. Today the audit_log rows the repositories write are the only record.
    static void record(WriterContext &context, const Change &change);

    StoreWriter *m_writer;
    qint64 m_accountId;
    QString m_actor;
};
