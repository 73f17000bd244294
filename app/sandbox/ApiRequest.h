// One HTTP request as the sandbox's resources see it, detached from the HTTP server.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace sandbox {

struct ApiRequest
{
    QByteArray method; // "GET", "POST", "DELETE", ...
    QString path;      // decoded path, e.g. /2010-04-01/Accounts/AC.../Messages.json
    QUrlQuery query;   // decoded query parameters
    QUrlQuery form;    // decoded application/x-www-form-urlencoded body
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QStringList captures;                  // path parameters captured by the router

    QString param(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    QString field(const QString &name) const
    {
        return form.queryItemValue(name, QUrl::FullyDecoded);
    }
    bool hasField(const QString &name) const { return form.hasQueryItem(name); }
    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

} // namespace sandbox
