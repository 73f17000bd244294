#include "MediaLibrary.h"

namespace sandbox {

void MediaLibrary::add(Item item)
{
    m_byMessage[item.messageId].append(std::move(item));
}

QList<MediaLibrary::Item> MediaLibrary::forMessage(quint32 messageId) const
{
    return m_byMessage.value(messageId);
}

std::optional<MediaLibrary::Item> MediaLibrary::find(quint32 messageId,
                                                     const Sid128 &mediaSid) const
{
    for (const Item &item : m_byMessage.value(messageId)) {
        if (item.sid == mediaSid)
            return item;
    }
    return std::nullopt;
}

} // namespace sandbox
