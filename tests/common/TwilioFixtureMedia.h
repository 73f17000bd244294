// The Media subresource of TwilioFixtureProvider's messages, built from the OpenAPI file's
// own Media list example (readFull): the list (paged by PageSize/Page), the instance, and the
// content URL, which answers as Twilio's does: a redirect to where the bytes are.
#pragma once

#include "ScriptedHttpServer.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

class TwilioFixtureMedia
{
public:
    // `listExample`: the Media.json readFull example; false when it has no media_list item.
    bool setExample(const QJsonObject &listExample);
    // A media item of the message; returns its sid (ME…).
    QString add(const QString &accountSid, const QString &messageSid, const QString &contentType,
                const QByteArray &bytes);
    // `rest`: the path after /2010-04-01/Accounts/{AccountSid}; nullopt when not a media path.
    std::optional<ScriptedResponse> answer(const QString &path, const QString &rest,
                                           const QByteArray &rawQuery) const;
    // The bytes behind a redirect (path /media-store/{sid}); nullopt for other paths.
    std::optional<ScriptedResponse> stored(const QString &path) const;

private:
    QJsonObject m_listExample;
    QJsonObject m_itemExample;
    QHash<QString, QList<QJsonObject>> m_byMessage;
    QHash<QString, QByteArray> m_bytes;
    int m_serial = 0;
};
