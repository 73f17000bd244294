// All messages of the account: storage by id, a sid index, creation order for Twilio's
// newest-first paging, interned phone numbers. Bodies live in a TextArena.
#pragma once

#include "StoredMessage.h"
#include "TextArena.h"

#include <QDataStream>
#include <QHash>
#include <QStringList>

#include <limits>
#include <optional>
#include <vector>

namespace sandbox {

class SandboxMessageStore
{
public:
    struct Filter
    {
        std::optional<quint32> to;
        std::optional<quint32> from;
        bool impossible = false; // e.g. To filter names a number never seen: no match
        bool sentRange = false;  // DateSent filters present: unsent messages never match
        qint64 sentMin = std::numeric_limits<qint64>::min();
        qint64 sentMax = std::numeric_limits<qint64>::max();
    };

    quint32 add(const StoredMessage &message, const QString &body);
    // Bulk insert for seeding history: ids in any date order, sorted once at the end.
    void addUnordered(const StoredMessage &message, const QString &body);
    void finishBulk();

    qsizetype size() const { return qsizetype(m_messages.size()); }
    StoredMessage &at(quint32 id) { return m_messages[id]; }
    const StoredMessage &at(quint32 id) const { return m_messages[id]; }
    QString body(const StoredMessage &message) const
    {
        return m_arena.text(message.bodyRef, message.bodyLength);
    }
    std::optional<quint32> find(const Sid128 &sid) const;

    quint32 intern(const QString &number);
    std::optional<quint32> findNumber(const QString &number) const;
    const QString &number(quint32 id) const { return m_numbers[qsizetype(id)]; }

    // Newest first (date_created desc). after: the last id of the previous page (keyset);
    // skip: matching messages to pass over first (Page without PageToken). Returns up to
    // limit ids.
    std::vector<quint32> list(const Filter &filter, std::optional<quint32> after, qsizetype skip,
                              qsizetype limit) const;
    // The limit matching messages just newer than `before` (for previous-page tokens),
    // newest first.
    std::vector<quint32> listNewer(const Filter &filter, quint32 before, qsizetype limit) const;
    bool matches(const StoredMessage &message, const Filter &filter) const;

    void save(QDataStream &out) const;
    bool load(QDataStream &in);
    qint64 approximateBytes() const;

private:
    void indexInsert(quint32 id);
    void rebuildIndex();
    qsizetype orderPosition(quint32 id) const;

    std::vector<StoredMessage> m_messages;
    std::vector<quint32> m_order; // ids sorted by (dateCreated, id) ascending
    std::vector<quint32> m_index; // open addressing sid -> id, kEmpty when free
    TextArena m_arena;
    QStringList m_numbers;
    QHash<QString, quint32> m_numberIds;
    static constexpr quint32 kEmpty = 0xFFFFFFFFu;
};

} // namespace sandbox
