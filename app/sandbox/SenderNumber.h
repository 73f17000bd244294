// One of the account's own numbers: long code, toll-free, or short code (exclusive or shared
// with provider keywords).
#pragma once

#include <QString>
#include <QStringList>

namespace sandbox {

struct SenderNumber
{
    enum class Kind : quint8
    {
        LongCode,
        TollFree,
        ShortCode
    };

    QString sid;    // PN... (phone numbers) or SC... (short codes)
    QString number; // E.164, or the short code's digits
    Kind kind = Kind::LongCode;
    QString friendlyName;
    bool sms = true;
    bool mms = false;
    bool voice = true;
    bool shared = false;          // shared short code: inbound must start with a provider keyword
    QStringList providerKeywords; // upper-case, e.g. {"DESK"}
    // Twilio's default keyword handling (STOP/START/HELP). Always on for long codes and
    // toll-free; for short codes only when switched on (Advanced Opt-Out).
    bool advancedOptOut = false;
    qint64 dateCreated = 0;

    bool keywordHandling() const { return kind != Kind::ShortCode || advancedOptOut; }
};

} // namespace sandbox
