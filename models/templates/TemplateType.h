// The kinds of message template; promotional ones carry extra obligations.
#pragma once

#include <QString>

#include <optional>

enum class TemplateType
{
    Transactional,
    Promotional,
    Reminder,
    Otp,
    FollowUp
};

namespace TemplateTypes {
// Stable snake_case names: transactional, promotional, reminder, otp, follow_up.
QString toString(TemplateType type);
std::optional<TemplateType> fromString(const QString &name);
// Promotional texts must tell the recipient how to opt out (see OptOutLine).
bool needsOptOutLine(TemplateType type);
} // namespace TemplateTypes
