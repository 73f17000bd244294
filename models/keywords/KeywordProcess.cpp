#include "KeywordProcess.h"

#include "KeywordMatcher.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

KeywordProcess KeywordProcess::create(Type type, const QString &inboundNumber,
                                      const QString &providerKeyword)
{
    KeywordProcess process;
    process.type = type;
    process.inboundNumber = inboundNumber;
    process.providerKeyword = providerKeyword;
    process.keywords = defaultKeywords(type);
    return process;
}

QStringList KeywordProcess::defaultKeywords(Type type)
{
    switch (type) {
    case Type::Unsubscribe:
        return {u"STOP"_s, u"STOPALL"_s, u"UNSUBSCRIBE"_s, u"CANCEL"_s,
                u"END"_s,  u"QUIT"_s,    u"REVOKE"_s,      u"OPTOUT"_s};
    case Type::Help:
        return {u"HELP"_s, u"INFO"_s};
    case Type::Subscribe:
        return {u"START"_s, u"YES"_s, u"UNSTOP"_s};
    case Type::AutoReply:
        return {};
    }
    return {};
}

QString KeywordProcess::displayName(Type type)
{
    switch (type) {
    case Type::Unsubscribe:
        return QCoreApplication::translate("KeywordProcess", "Unsubscribe");
    case Type::Help:
        return QCoreApplication::translate("KeywordProcess", "Help");
    case Type::Subscribe:
        return QCoreApplication::translate("KeywordProcess", "Subscribe");
    case Type::AutoReply:
        return QCoreApplication::translate("KeywordProcess", "Auto-reply");
    }
    return {};
}

QString KeywordProcess::typeToString(Type type)
{
    switch (type) {
    case Type::Unsubscribe:
        return u"unsubscribe"_s;
    case Type::Help:
        return u"help"_s;
    case Type::Subscribe:
        return u"subscribe"_s;
    case Type::AutoReply:
        return u"auto_reply"_s;
    }
    return {};
}

std::optional<KeywordProcess::Type> KeywordProcess::typeFromString(QStringView text)
{
    for (const Type type : {Type::Unsubscribe, Type::Help, Type::Subscribe, Type::AutoReply}) {
        if (text == typeToString(type))
            return type;
    }
    return std::nullopt;
}

QString KeywordProcess::statusToString(Status status)
{
    switch (status) {
    case Status::New:
        return u"new"_s;
    case Status::Started:
        return u"started"_s;
    case Status::Paused:
        return u"paused"_s;
    }
    return {};
}

std::optional<KeywordProcess::Status> KeywordProcess::statusFromString(QStringView text)
{
    for (const Status status : {Status::New, Status::Started, Status::Paused}) {
        if (text == statusToString(status))
            return status;
    }
    return std::nullopt;
}

QString KeywordProcess::inboundLabel() const
{
    return providerKeyword.isEmpty() ? inboundNumber : inboundNumber % u" / "_s % providerKeyword;
}

bool KeywordProcess::sharesInboundWith(const KeywordProcess &other) const
{
    return inboundNumber == other.inboundNumber &&
           KeywordMatcher::fold(providerKeyword) == KeywordMatcher::fold(other.providerKeyword);
}
