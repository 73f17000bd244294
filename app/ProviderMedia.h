// One media item of a message (schema api.v2010.account.message.media), as reported by the
// provider. Twilio says nothing of its size: that is known once the content is downloaded.
#pragma once

#include <QDateTime>
#include <QString>

struct ProviderMedia
{
    QString sid;       // ME…
    QString parentSid; // the message, SM… or MM…
    QString accountSid;
    QString contentType; // e.g. image/jpeg; may be empty
    QDateTime dateCreated;
    // The instance's URI relative to the API host, ending in .json; without ".json" it is the
    // content URL.
    QString uri;

    QString contentUri() const
    {
        return uri.endsWith(QLatin1StringView(".json")) ? uri.chopped(5) : uri;
    }
};
