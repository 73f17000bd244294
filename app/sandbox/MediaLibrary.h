// The media of inbound MMS messages (Twilio's Media subresource of a message): content type
// and bytes per item, in memory only (a saved state does not keep them).
#pragma once

#include "Sid128.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace sandbox {

class MediaLibrary
{
public:
    struct Item
    {
        Sid128 sid; // ME…
        quint32 messageId = 0;
        QString contentType;
        QByteArray bytes;
        qint64 dateCreated = 0; // ms since epoch, sandbox time
    };

    void add(Item item);
    // In the order they were added (Twilio lists a message's media oldest first).
    QList<Item> forMessage(quint32 messageId) const;
    std::optional<Item> find(quint32 messageId, const Sid128 &mediaSid) const;

private:
    QHash<quint32, QList<Item>> m_byMessage;
};

} // namespace sandbox
