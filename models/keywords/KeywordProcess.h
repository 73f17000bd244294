// What one inbound number (or shared short code + provider keyword) does when a customer
// texts one of its keywords: a plain value, stored in the keyword_processes table.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

class KeywordProcess
{
    Q_GADGET

public:
    // Order is precedence: when stored data ever lets two processes claim one keyword,
    // the opt-out wins (see KeywordMatcher).
    enum class Type
    {
        Unsubscribe,
        Help,
        Subscribe,
        AutoReply
    };
    Q_ENUM(Type)

    enum class Status
    {
        New,
        Started,
        Paused
    };
    Q_ENUM(Status)

    qint64 id = 0; // 0 until stored
    Type type = Type::AutoReply;
    QString inboundNumber;   // canonical form (E.164 or the short code's digits)
    QString providerKeyword; // the account's keyword on a shared short code; '' otherwise
    QStringList keywords;    // as the team typed them; defaults of the type included
    std::optional<qint64> replyTemplateId;
    Status status = Status::New;

    // A new process of `type` with the provider's default keywords already listed.
    static KeywordProcess create(Type type, const QString &inboundNumber,
                                 const QString &providerKeyword = {});

    // Twilio's defaults (TWILIO-NOTES.md "Opt-out keywords"); JOIN is not one of them.
    static QStringList defaultKeywords(Type type);

    // For messages shown to people: "Unsubscribe", "Help", "Subscribe", "Auto-reply".
    static QString displayName(Type type);

    // The keyword_processes column values: unsubscribe, help, subscribe, auto_reply and
    // new, started, paused. Unknown text gives nullopt, never a guess.
    static QString typeToString(Type type);
    static std::optional<Type> typeFromString(QStringView text);
    static QString statusToString(Status status);
    static std::optional<Status> statusFromString(QStringView text);

    // "+15551234567" or "11221 / baby": how people recognise where the process lives.
    QString inboundLabel() const;

    // Same number and same provider keyword (provider keywords compare case-insensitively).
    bool sharesInboundWith(const KeywordProcess &other) const;

    bool hasReply() const { return replyTemplateId.has_value(); }

    friend bool operator==(const KeywordProcess &, const KeywordProcess &) = default;
};
