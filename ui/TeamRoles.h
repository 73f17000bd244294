// Which screens a team role opens. The app enforces this on its own screens and commands; the
// provider knows nothing of roles (docs/TEAM.md says what that means). A desktop that has not
// joined a team works alone and sees everything.
#pragma once

#include "NavigationRail.h"

#include <QString>

class TeamRoles
{
public:
    // role: agent, marketer, admin, or '' (not in a team).
    static bool allows(const QString &role, NavigationRail::Page page);
    // Shows the rail's sections the role opens and hides the others.
    static void gate(NavigationRail *rail, const QString &role);
    // Invite, change roles, remove, create and revoke API keys.
    static bool managesTeam(const QString &role) { return role == u"admin"; }
    // "Agent", "Marketer", "Admin".
    static QString title(const QString &role);
    // One line on what the role may do, for the join dialog and the roster.
    static QString description(const QString &role);
};
