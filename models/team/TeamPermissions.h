// What each team role may change, in one place: the command services refuse (so the CLI is
// gated too), the screens disable the buttons (naming the role needed), and every desktop's
// appliers skip an op whose maker did not hold the role at that point of the log.
//   admins:    numbers, keyword processes, confirmation rules, the roster (and all below);
//   marketers: templates, campaigns, contacts and their imported opt-ins;
//   agents:    the inbox only (threads, notes, consent by hand, canned replies).
// A desktop that has not joined a team may do everything. The provider knows nothing of this:
// anyone with the account's credentials can call its API (docs/TEAM.md).
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

class TeamPermissions
{
public:
    enum class Area
    {
        Numbers,
        Keywords,
        ConfirmationRules,
        Roster,
        Templates,
        Campaigns,
        Contacts,
    };

    // role: agent, marketer, admin; '' (not in a team) may do everything.
    static bool allows(const QString &role, Area area);
    // "an admin", "a marketer or an admin".
    static QString roleNeeded(Area area);
    // For a disabled button: "Needs the admin role." / "Needs the marketer or admin role."
    static QString tooltip(Area area);
    // A command's refusal: "Only an admin can change keyword processes (you are an agent)."
    static QString refusal(Area area, const QString &role);
    // The area of a command service's command ("keyword.start", "campaign.pause"...) or of a
    // team op's kind ("keyword.put", "contact.put"...); nullopt when any member may.
    static std::optional<Area> areaOfCommand(const QString &command);
    static std::optional<Area> areaOfKind(const QString &kind);

    explicit TeamPermissions(QSqlDatabase db);

    // This desktop's role in the account's team; '' when it has not joined one.
    QString roleHere(qint64 accountId);
    // '' when this desktop may change `area` (or is not in a team), else why not.
    QString refusalHere(qint64 accountId, Area area);
    // Whether the maker of a logged op (a roster id) is an active member whose role allows
    // `area`, as the roster stands at this point of the log.
    bool makerMay(qint64 accountId, const QString &agentId, Area area);

private:
    QSqlDatabase m_db;
};
