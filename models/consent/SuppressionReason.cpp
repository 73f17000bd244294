#include "SuppressionReason.h"

using namespace Qt::StringLiterals;

QString SuppressionReasons::toString(SuppressionReason reason)
{
    switch (reason) {
    case SuppressionReason::InvalidNumber:
        return u"invalid_number"_s;
    case SuppressionReason::Unsubscribed:
        return u"unsubscribed"_s;
    case SuppressionReason::NotTextEnabled:
        return u"not_text_enabled"_s;
    case SuppressionReason::Duplicate:
        return u"duplicate"_s;
    case SuppressionReason::OpenSupportThread:
        return u"open_support_thread"_s;
    case SuppressionReason::FrequencyCap:
        return u"frequency_cap"_s;
    }
    return {};
}

std::optional<SuppressionReason> SuppressionReasons::fromString(const QString &name)
{
    for (int i = 0; i < SuppressionReasonCount; ++i) {
        const auto reason = SuppressionReason(i);
        if (toString(reason) == name)
            return reason;
    }
    return std::nullopt;
}
