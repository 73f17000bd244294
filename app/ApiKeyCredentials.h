// Basic auth with an API key instead of the Auth Token: the key's SID (SK…) and secret are the
// user and password, while URLs keep the Account SID. Revocable per person.
#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

struct ApiKeyCredentials
{
    QString keySid; // SK…
    QString keySecret;

    static bool isKeySid(const QString &sid)
    {
        static const QRegularExpression pattern(QStringLiteral("^SK[0-9a-fA-F]{32}$"));
        return pattern.match(sid).hasMatch();
    }
    // As the keychain keeps it, in one entry: "SK…:secret" (the SID is not secret, but the two
    // are only useful together).
    QString toSecret() const { return keySid + QLatin1Char(':') + keySecret; }
    static std::optional<ApiKeyCredentials> fromSecret(const QString &secret)
    {
        const qsizetype colon = secret.indexOf(QLatin1Char(':'));
        if (colon < 0 || !isKeySid(secret.left(colon)) || colon + 1 >= secret.size())
            return std::nullopt;
        return ApiKeyCredentials{secret.left(colon), secret.mid(colon + 1)};
    }
};
