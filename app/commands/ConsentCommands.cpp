#include "ConsentCommands.h"

#include "ManualConsent.h"
#include "StoreWriter.h"
#include "TeamLogWriter.h"

#include <QDateTime>
#include <QUuid>

using namespace Qt::StringLiterals;

ConsentCommands::ConsentCommands(StoreWriter *writer, const QString &actor, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_actor(actor.trimmed())
{}

ConsentEvent ConsentCommands::consentEvent(ConsentEvent::Kind kind, const QString &customerNumber,
                                           const QString &senderNumber, ConsentEvent::Source source,
                                           const QString &detail) const
{
    ConsentEvent e;
    e.contactNumber = customerNumber;
    e.senderNumber = senderNumber;
    e.kind = kind;
    e.source = source;
    e.detail = detail.trimmed();
    e.actor = m_actor;
    e.occurredAt = QDateTime::currentDateTimeUtc();
    return e;
}

void ConsentCommands::unsubscribe(qint64 accountId, const QString &customerNumber,
                                  const QString &senderNumber, const QString &reason,
                                  QObject *context, Done done)
{
    // An unsubscribe made here is always the agent's own.
    run(accountId,
        consentEvent(ConsentEvent::Kind::OptOut, customerNumber, senderNumber,
                     ConsentEvent::Source::Agent, reason),
        CommandCaller(context), std::move(done));
}

void ConsentCommands::resubscribe(qint64 accountId, const QString &customerNumber,
                                  const QString &senderNumber, ConsentEvent::Source source,
                                  const QString &evidence, QObject *context, Done done)
{
    run(accountId,
        consentEvent(ConsentEvent::Kind::OptIn, customerNumber, senderNumber, source, evidence),
        CommandCaller(context), std::move(done));
}

bool ConsentCommands::finish(const InboxChange &change, const CommandResult &result,
                             const CommandCaller &caller)
{
    // The team log records here: every committed consent change passes this point.
    if (result.ok)
        Q_EMIT committed(change);
    return caller.alive();
}

void ConsentCommands::run(qint64 accountId, const ConsentEvent &event, const CommandCaller &caller,
                          Done done)
{
    QString problem = accountId <= 0 ? tr("No account is chosen.") : ManualConsent::problem(event);
    if (!problem.isEmpty()) {
        // Answered on the next turn, like every other answer; nothing is written.
        QMetaObject::invokeMethod(
            this,
            [caller, problem, done = std::move(done)] {
                if (caller.alive() && done)
                    done(CommandResult::failure(problem));
            },
            Qt::QueuedConnection);
        return;
    }
    const InboxChange change{u"consent."_s + ConsentEvent::kindToString(event.kind),
                             accountId,
                             u"contact"_s,
                             event.contactNumber,
                             {{u"sender"_s, event.senderNumber},
                              {u"source"_s, ConsentEvent::sourceToString(event.source)},
                              {u"detail"_s, event.detail}}};
    // A team op: recorded here and, in a team, queued for every desktop in one transaction,
    // so a customer unsubscribed here is unsubscribed on every desktop of the team.
    TeamOp op = TeamOp::consent(event);
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_writer->post(
        [accountId, op](WriterContext &context) {
            auto writer = context.repo<TeamLogWriter>();
            const auto outcome = writer.recordLocal(accountId, op, op.at);
            if (!outcome)
                return CommandResult::failure(writer.errorString());
            if (*outcome == TeamOpApplier::Outcome::NotApplicable)
                return CommandResult::failure(ManualConsent::problem(TeamOp::consentEvent(op)));
            return CommandResult::success();
        },
        this,
        [this, change, caller, done = std::move(done)](const CommandResult &result) {
            if (finish(change, result, caller) && done)
                done(result);
        });
}
