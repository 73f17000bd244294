#include "ProviderMapping.h"

#include "MessageStore.h"

#include <algorithm>

using namespace Qt::StringLiterals;

std::optional<MessageRecord::Direction> ProviderMapping::direction(const QString &providerDirection)
{
    if (providerDirection == u"inbound"_s)
        return MessageRecord::Direction::Inbound;
    if (providerDirection == u"outbound-api"_s || providerDirection == u"outbound-call"_s ||
        providerDirection == u"outbound-reply"_s)
        return MessageRecord::Direction::Outbound;
    return std::nullopt;
}

bool ProviderMapping::isPendingStatus(const QString &status)
{
    return status == u"queued"_s || status == u"sending"_s || status == u"sent"_s ||
           status == u"accepted"_s || status == u"scheduled"_s;
}

std::optional<MessageRecord> ProviderMapping::toRecord(const ProviderMessage &message,
                                                       QString *error)
{
    auto reject = [&](const QString &why) -> std::optional<MessageRecord> {
        if (error)
            *error = u"message "_s + (message.sid.isEmpty() ? u"(no sid)"_s : message.sid) +
                     u": "_s + why;
        return std::nullopt;
    };
    if (message.sid.isEmpty())
        return reject(u"the provider sent no sid"_s);
    if (!message.unreadable.isEmpty())
        return reject(message.unreadable);
    const auto dir = direction(message.direction);
    if (!dir)
        return reject(u"unknown direction \""_s + message.direction +
                      u"\" (expected inbound or outbound-api/-call/-reply)"_s);
    if (!MessageStore::isKnownStatus(message.status))
        return reject(u"unknown status \""_s + message.status + u'"');

    // date_created is always set by Twilio; the fallbacks only keep a partial record usable.
    QDateTime created = message.dateCreated;
    if (!created.isValid())
        created = message.dateSent.isValid() ? message.dateSent : message.dateUpdated;
    if (!created.isValid())
        return reject(u"no date_created, date_sent or date_updated"_s);

    MessageRecord record;
    record.sid = message.sid;
    record.providerAccountSid = message.accountSid;
    record.direction = *dir;
    record.from = message.from;
    record.to = message.to;
    record.body = message.body;
    record.status = message.status;
    // A Messaging Service's message has 0 segments until a sender is picked.
    record.numSegments = std::max(0, message.numSegments);
    record.errorCode = message.errorCode.value_or(0);
    record.errorMessage = message.errorMessage;
    record.price = message.price.value_or(QString());
    record.priceUnit = message.priceUnit;
    record.dateCreated = created.toUTC();
    record.dateSent = message.dateSent.isValid() ? message.dateSent.toUTC() : QDateTime();
    record.dateUpdated =
        message.dateUpdated.isValid() ? message.dateUpdated.toUTC() : created.toUTC();
    return record;
}

SkippedMessage ProviderMapping::keptAside(const ProviderMessage &message, const QString &why)
{
    return {message.sid, why,
            u"%1, %2, %3 → %4"_s.arg(message.direction, message.status, message.from, message.to)};
}
