// An admin's invitation to the account's team, as text a person pastes into their desktop:
// who they will be (a roster id the admin made), under which name and role, and a code that
// only the invited desktop knows, so that the role is the admin's choice and the invitation
// is used once.
#pragma once

#include <QString>

#include <optional>

struct TeamInvite
{
    QString agentId;
    QString name;
    QString role;
    QString code;

    // "smsdesk-invite:" and the fields, base64url-encoded (one line, safe to mail or chat).
    QString toText() const;
    // nullopt when the text is not an invitation (surrounding spaces and line breaks are
    // ignored).
    static std::optional<TeamInvite> fromText(const QString &text);
    // A new invitation with a fresh roster id and code.
    static TeamInvite create(const QString &name, const QString &role);
};
