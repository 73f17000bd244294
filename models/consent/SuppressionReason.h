// Why a contact is left out of a campaign's audience, in order of precedence.
#pragma once

#include <QString>

#include <optional>

// The order of the enumerators is the precedence AudienceFilter applies: a recipient excluded
// for several reasons is counted once, under the first.
enum class SuppressionReason
{
    InvalidNumber,
    Unsubscribed,
    NotTextEnabled,
    Duplicate,
    OpenSupportThread,
    FrequencyCap,
};

constexpr int SuppressionReasonCount = 6;

namespace SuppressionReasons {
// Stable snake_case names, for campaign_recipients.reason and reports.
QString toString(SuppressionReason reason);
std::optional<SuppressionReason> fromString(const QString &name);
} // namespace SuppressionReasons
