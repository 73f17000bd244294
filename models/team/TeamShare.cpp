#include "TeamShare.h"

#include "TeamOutboxRows.h"
#include "TeamStateRows.h"

#include <QDateTime>
#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

TeamShare::TeamShare(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TeamShare::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool TeamShare::inTeam(qint64 accountId)
{
    return TeamStateRows(m_db).state(accountId).has_value();
}

bool TeamShare::run(qint64 accountId, const QString &actor, const Write &write,
                    const Describe &describe)
{
    return runStreamed(accountId, actor, [&](const Queue &queue) -> QString {
        if (const QString refused = write(); !refused.isEmpty() || !queue)
            return refused;
        QString error;
        const auto ops = describe(&error);
        if (!ops)
            return error.isEmpty() ? u"cannot describe the change for the team"_s : error;
        return queue(*ops);
    });
}

bool TeamShare::runStreamed(qint64 accountId, const QString &actor, const StreamedWrite &write)
{
    m_error.clear();
    m_shared = false;
    const auto state = TeamStateRows(m_db).state(accountId);
    if (!state) {
        // Not in a team: the write alone, exactly as before teams existed.
        const QString refused = write(Queue());
        return refused.isEmpty() || fail(refused);
    }
    if (!m_db.transaction())
        return fail(u"cannot begin a transaction: "_s + m_db.lastError().text());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    TeamOutboxRows outbox(m_db);
    const Queue queue = [&](const QList<TeamOp> &ops) -> QString {
        for (TeamOp op : ops) {
            op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            op.agent = state->agentId;
            op.desk = state->deskId;
            op.at = now;
            op.fields.insert(u"by"_s, actor);
            if (op.encodedSize() > TeamOp::MaxItemBytes)
                return u"the change is too large for the team log (%1 bytes, at most %2): "
                       u"shorten it"_s.arg(op.encodedSize())
                           .arg(TeamOp::MaxItemBytes);
            if (!outbox.enqueue(accountId, op, now))
                return outbox.errorString();
        }
        return {};
    };
    if (const QString refused = write(queue); !refused.isEmpty()) {
        m_db.rollback();
        return fail(refused);
    }
    if (!m_db.commit()) {
        const QString why = u"cannot commit the change: "_s + m_db.lastError().text();
        m_db.rollback();
        return fail(why);
    }
    m_shared = true;
    return true;
}
