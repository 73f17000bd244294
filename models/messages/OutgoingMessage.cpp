#include "OutgoingMessage.h"

using namespace Qt::StringLiterals;

using Purpose = ConsentLedger::MessagePurpose;

QString OutgoingMessage::purposeToString(Purpose purpose)
{
    switch (purpose) {
    case Purpose::KeywordConfirmation:
        return u"keyword_confirmation"_s;
    case Purpose::Campaign:
        return u"campaign"_s;
    case Purpose::Conversation:
        break;
    }
    return u"conversation"_s;
}

std::optional<Purpose> OutgoingMessage::purposeFromString(QStringView text)
{
    for (const Purpose purpose :
         {Purpose::Conversation, Purpose::KeywordConfirmation, Purpose::Campaign}) {
        if (text == purposeToString(purpose))
            return purpose;
    }
    return std::nullopt;
}
