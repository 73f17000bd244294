// Desktops of one account sharing an in-memory team log, for the tests of the shared kinds:
// each desktop a profile (ThreadFixture) that joined the team; share() appends what waits on a
// desktop, pull() applies the whole log there as TeamLog would.
#pragma once

#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamShare.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

struct TeamDesk
{
    std::unique_ptr<ThreadFixture> fx;
    QString name;

    bool open(const QString &person, bool join = true)
    {
        name = person;
        fx = std::make_unique<ThreadFixture>();
        return fx->open() && (!join || (TeamStateRows(fx->db()).join(
                                            ThreadFixture::AccountA, QStringLiteral("ag-") + person,
                                            QStringLiteral("desk-") + person) &&
                                        seedRoster()));
    }
    QSqlDatabase db() const { return fx->db(); }
    // The roster every desk holds once the members' joins are applied: the tests' people are
    // admins (every applier checks the maker's role at its point of the log).
    bool seedRoster(const QString &role = QStringLiteral("admin")) const
    {
        for (const QString &person : {QStringLiteral("Ana"), QStringLiteral("Sam"),
                                      QStringLiteral("Lee"), QStringLiteral("Bo")}) {
            QSqlQuery q(fx->db());
            q.prepare(QStringLiteral(
                "INSERT INTO team_agents (account_id, agent_id, name, role, active, joined_at) "
                "VALUES (?, ?, ?, ?, 1, 0) ON CONFLICT (account_id, agent_id) DO UPDATE SET "
                "role = excluded.role"));
            q.addBindValue(ThreadFixture::AccountA);
            q.addBindValue(QString(QStringLiteral("ag-") + person));
            q.addBindValue(person);
            q.addBindValue(role);
            if (!q.exec())
                return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        return StoreTestUtil::scalar(fx->db(), sql, values);
    }
    // What the command services do: the repository's write and the op(s) describing the
    // result, in one transaction (the op only when the account is in a team).
    bool change(const TeamShare::Write &write, const TeamShare::Describe &describe) const
    {
        TeamShare share(fx->db());
        const bool ok = share.run(ThreadFixture::AccountA, name, write, describe);
        if (!ok)
            qWarning() << share.errorString();
        return ok;
    }
};

class TeamLogInMemory
{
public:
    QList<TeamLogWriter::LogItem> items;

    // Appends every op waiting on `desk`, in queue order.
    bool share(TeamDesk &desk)
    {
        TeamOutboxRows outbox(desk.db());
        const auto pending = outbox.pending(ThreadFixture::AccountA);
        if (!pending)
            return false;
        for (const TeamOutboxRows::Pending &p : *pending) {
            if (p.appendedIndex)
                continue;
            const qint64 index = items.size();
            items.append({index, p.op.toJson()});
            if (!outbox.markAppended(p.op.id, index))
                return false;
        }
        return true;
    }
    TeamLogWriter::Applied pull(TeamDesk &desk)
    {
        return TeamLogWriter(desk.db())
            .applyItems(ThreadFixture::AccountA, items)
            .value_or(TeamLogWriter::Applied{});
    }
};
