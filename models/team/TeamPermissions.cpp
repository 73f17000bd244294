#include "TeamPermissions.h"

#include "TeamStateRows.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

bool adminsOnly(TeamPermissions::Area area)
{
    using A = TeamPermissions::Area;
    return area == A::Numbers || area == A::Keywords || area == A::ConfirmationRules ||
           area == A::Roster;
}

QString what(TeamPermissions::Area area)
{
    using A = TeamPermissions::Area;
    switch (area) {
    case A::Numbers:
        return QCoreApplication::translate("TeamPermissions", "change number settings");
    case A::Keywords:
        return QCoreApplication::translate("TeamPermissions", "change keyword processes");
    case A::ConfirmationRules:
        return QCoreApplication::translate("TeamPermissions", "change confirmation rules");
    case A::Roster:
        return QCoreApplication::translate("TeamPermissions", "change the team's roster");
    case A::Templates:
        return QCoreApplication::translate("TeamPermissions", "change templates");
    case A::Campaigns:
        return QCoreApplication::translate("TeamPermissions", "change campaigns");
    case A::Contacts:
        return QCoreApplication::translate("TeamPermissions",
                                           "import, edit or delete contacts or opt-ins");
    }
    return {};
}

} // namespace

bool TeamPermissions::allows(const QString &role, Area area)
{
    if (role.isEmpty() || role == u"admin")
        return true;
    return role == u"marketer" && !adminsOnly(area);
}

QString TeamPermissions::roleNeeded(Area area)
{
    return adminsOnly(area)
               ? QCoreApplication::translate("TeamPermissions", "an admin")
               : QCoreApplication::translate("TeamPermissions", "a marketer or an admin");
}

QString TeamPermissions::tooltip(Area area)
{
    return adminsOnly(area)
               ? QCoreApplication::translate("TeamPermissions", "Needs the admin role.")
               : QCoreApplication::translate("TeamPermissions",
                                             "Needs the marketer or admin role.");
}

QString TeamPermissions::refusal(Area area, const QString &role)
{
    const QString you =
        role == u"agent"      ? QCoreApplication::translate("TeamPermissions", "an agent")
        : role == u"marketer" ? QCoreApplication::translate("TeamPermissions", "a marketer")
                              : role;
    return QCoreApplication::translate("TeamPermissions",
                                       "Only %1 can %2 (you are %3 in this team).")
        .arg(roleNeeded(area), what(area), you);
}

std::optional<TeamPermissions::Area> TeamPermissions::areaOfCommand(const QString &command)
{
    if (command == u"keyword.confirmation_rule")
        return Area::ConfirmationRules;
    if (command.startsWith(u"keyword."))
        return Area::Keywords;
    if (command.startsWith(u"number."))
        return Area::Numbers;
    if (command.startsWith(u"template."))
        return Area::Templates;
    if (command.startsWith(u"campaign."))
        return Area::Campaigns;
    if (command.startsWith(u"contacts.") || command == u"consent.import" ||
        command.startsWith(u"audience."))
        return Area::Contacts;
    return std::nullopt;
}

std::optional<TeamPermissions::Area> TeamPermissions::areaOfKind(const QString &kind)
{
    if (kind.startsWith(u"keyword."))
        return Area::Keywords;
    if (kind == u"rule.put")
        return Area::ConfirmationRules;
    if (kind.startsWith(u"number."))
        return Area::Numbers;
    if (kind.startsWith(u"template."))
        return Area::Templates;
    // Progress is what a campaign's runner saw leave, not a decision: whoever holds the
    // lease reports it, a service joined as an agent included.
    if (kind == u"campaign.progress")
        return std::nullopt;
    if (kind.startsWith(u"campaign."))
        return Area::Campaigns;
    if (kind == u"contact.put" || kind == u"contact.delete" || kind == u"consent.import")
        return Area::Contacts;
    return std::nullopt;
}

TeamPermissions::TeamPermissions(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString TeamPermissions::roleHere(qint64 accountId)
{
    const auto state = TeamStateRows(m_db).state(accountId);
    return state ? state->role : QString();
}

QString TeamPermissions::refusalHere(qint64 accountId, Area area)
{
    const QString role = roleHere(accountId);
    return allows(role, area) ? QString() : refusal(area, role);
}

bool TeamPermissions::makerMay(qint64 accountId, const QString &agentId, Area area)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT role FROM team_agents WHERE account_id = ? AND agent_id = ? "
              u"AND active = 1"_s);
    q.addBindValue(accountId);
    q.addBindValue(agentId);
    return q.exec() && q.next() && allows(q.value(0).toString(), area);
}
