#include "AdminCommandBase.h"

#include "TeamPermissions.h"
#include "TeamStateRows.h"

#include <QTimer>

AdminCommandBase::AdminCommandBase(StoreWriter *writer, qint64 accountId, const QString &actor,
                                   QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_accountId(accountId)
    , m_actor(actor)
{}

void AdminCommandBase::refuse(const QString &error, Done done)
{
    QTimer::singleShot(0, this, [error, done = std::move(done)] {
        if (done)
            done(CommandResult::failure(error));
    });
}

void AdminCommandBase::record(WriterContext &context, const Change &change)
{
    // Nothing beyond the repositories' audit_log rows yet: see the header.
    Q_UNUSED(context);
    Q_UNUSED(change);
}

QString AdminCommandBase::refusal(WriterContext &context, const Change &change)
{
    const auto area = TeamPermissions::areaOfCommand(change.command);
    return area ? context.repo<TeamPermissions>().refusalHere(change.accountId, *area) : QString();
}

QString AdminCommandBase::actingAs(WriterContext &context, qint64 accountId, const QString &actor)
{
    const auto state = context.repo<TeamStateRows>().state(accountId);
    return state && !state->agentName.isEmpty() ? state->agentName : actor;
}
