#include "TeamRoles.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

bool TeamRoles::allows(const QString &role, NavigationRail::Page page)
{
    using P = NavigationRail::Page;
    if (role.isEmpty() || role == u"admin")
        return true;
    switch (page) {
    case P::Inbox:
    case P::Team: // the roster is read by everyone; changing it is an admin's
    case P::Settings:
        return true;
    case P::Contacts:
    case P::Campaigns:
    case P::Reports:
        return role == u"marketer";
    case P::NumbersAndKeywords:
        return false;
    }
    return false;
}

void TeamRoles::gate(NavigationRail *rail, const QString &role)
{
    for (int i = 0; i < NavigationRail::PageCount; ++i) {
        const auto page = static_cast<NavigationRail::Page>(i);
        rail->setPageAllowed(page, allows(role, page));
    }
}

QString TeamRoles::title(const QString &role)
{
    if (role == u"admin")
        return QCoreApplication::translate("TeamRoles", "Admin");
    if (role == u"marketer")
        return QCoreApplication::translate("TeamRoles", "Marketer");
    if (role == u"agent")
        return QCoreApplication::translate("TeamRoles", "Agent");
    return role;
}

QString TeamRoles::description(const QString &role)
{
    if (role == u"admin")
        return QCoreApplication::translate(
            "TeamRoles", "Everything: the inbox, numbers, keywords, rules and the team's roster.");
    if (role == u"marketer")
        return QCoreApplication::translate(
            "TeamRoles", "The inbox, contacts, templates, campaigns and reports.");
    if (role == u"agent")
        return QCoreApplication::translate("TeamRoles", "The inbox: answer customers.");
    return {};
}
