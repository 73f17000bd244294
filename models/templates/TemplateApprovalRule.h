// Approving a template version needs a second person, in a team: its author cannot approve it.
// The template command refuses, the editor disables Approve for one's own versions, and every
// desktop applies the rule to the versions the team log brings (an approval by the author is
// not applied: the version stays a draft there, on every desktop alike). Names are compared as
// the roster shows them (trimmed, case-insensitively). A desktop alone has no second person and
// approves its own versions, as before teams.
#pragma once

#include <QString>

class TemplateApprovalRule
{
public:
    // Whether `person` may approve a version `author` wrote.
    static bool mayApprove(const QString &author, const QString &person);
    // Why not, for the command's refusal and the Approve button's tooltip.
    static QString refusal();
};
