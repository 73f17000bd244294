#include "TemplateType.h"

using namespace Qt::StringLiterals;

QString TemplateTypes::toString(TemplateType type)
{
    switch (type) {
    case TemplateType::Transactional:
        return u"transactional"_s;
    case TemplateType::Promotional:
        return u"promotional"_s;
    case TemplateType::Reminder:
        return u"reminder"_s;
    case TemplateType::Otp:
        return u"otp"_s;
    case TemplateType::FollowUp:
        return u"follow_up"_s;
    }
    return {};
}

std::optional<TemplateType> TemplateTypes::fromString(const QString &name)
{
    for (const TemplateType type :
         {TemplateType::Transactional, TemplateType::Promotional, TemplateType::Reminder,
          TemplateType::Otp, TemplateType::FollowUp}) {
        if (toString(type) == name)
            return type;
    }
    return std::nullopt;
}

bool TemplateTypes::needsOptOutLine(TemplateType type)
{
    return type == TemplateType::Promotional;
}
