// A sender number of the account: an incoming phone number or an SMS short code.
#pragma once

#include <QDateTime>
#include <QString>

struct ProviderNumber
{
    enum class Kind
    {
        PhoneNumber,
        ShortCode
    };

    Kind kind = Kind::PhoneNumber;
    QString sid;    // PN… or SC…
    QString number; // E.164 for phone numbers, the digits for short codes
    QString friendlyName;
    QString type;     // phone numbers: the provider's type (e.g. "local"); empty otherwise
    QString status;   // phone numbers: e.g. "in-use"
    bool sms = false; // short codes are SMS-capable by definition
    bool mms = false;
    bool voice = false;
    QDateTime dateCreated; // UTC
    QDateTime dateUpdated;
};
