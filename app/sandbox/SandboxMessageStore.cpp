#include "SandboxMessageStore.h"

#include <algorithm>

namespace sandbox {

namespace {

size_t slotFor(const Sid128 &sid, size_t mask)
{
    return std::hash<Sid128>()(sid) & mask;
}

} // namespace

quint32 SandboxMessageStore::add(const StoredMessage &message, const QString &body)
{
    const auto id = quint32(m_messages.size());
    StoredMessage copy = message;
    const QByteArray utf8 = body.toUtf8();
    copy.bodyRef = m_arena.append(utf8);
    copy.bodyLength = quint32(utf8.size());
    m_messages.push_back(copy);
    // New messages are nearly always the newest; insert in place otherwise.
    auto before = [this](quint32 a, quint32 b) {
        const auto &ma = m_messages[a];
        const auto &mb = m_messages[b];
        return ma.dateCreated != mb.dateCreated ? ma.dateCreated < mb.dateCreated : a < b;
    };
    if (m_order.empty() || before(m_order.back(), id))
        m_order.push_back(id);
    else
        m_order.insert(std::upper_bound(m_order.begin(), m_order.end(), id, before), id);
    indexInsert(id);
    return id;
}

void SandboxMessageStore::addUnordered(const StoredMessage &message, const QString &body)
{
    StoredMessage copy = message;
    const QByteArray utf8 = body.toUtf8();
    copy.bodyRef = m_arena.append(utf8);
    copy.bodyLength = quint32(utf8.size());
    m_order.push_back(quint32(m_messages.size()));
    m_messages.push_back(copy);
}

void SandboxMessageStore::finishBulk()
{
    std::sort(m_order.begin(), m_order.end(), [this](quint32 a, quint32 b) {
        const auto &ma = m_messages[a];
        const auto &mb = m_messages[b];
        return ma.dateCreated != mb.dateCreated ? ma.dateCreated < mb.dateCreated : a < b;
    });
    rebuildIndex();
}

std::optional<quint32> SandboxMessageStore::find(const Sid128 &sid) const
{
    if (m_index.empty() || sid.isNull())
        return std::nullopt;
    const size_t mask = m_index.size() - 1;
    for (size_t slot = slotFor(sid, mask);; slot = (slot + 1) & mask) {
        const quint32 id = m_index[slot];
        if (id == kEmpty)
            return std::nullopt;
        if (m_messages[id].sid == sid)
            return id;
    }
}

void SandboxMessageStore::indexInsert(quint32 id)
{
    if ((m_messages.size()) * 2 > m_index.size()) {
        rebuildIndex();
        return;
    }
    const size_t mask = m_index.size() - 1;
    size_t slot = slotFor(m_messages[id].sid, mask);
    while (m_index[slot] != kEmpty)
        slot = (slot + 1) & mask;
    m_index[slot] = id;
}

void SandboxMessageStore::rebuildIndex()
{
    size_t capacity = 1024;
    while (capacity < m_messages.size() * 2 + 2)
        capacity *= 2;
    m_index.assign(capacity, kEmpty);
    const size_t mask = capacity - 1;
    for (quint32 id = 0; id < quint32(m_messages.size()); ++id) {
        size_t slot = slotFor(m_messages[id].sid, mask);
        while (m_index[slot] != kEmpty)
            slot = (slot + 1) & mask;
        m_index[slot] = id;
    }
}

quint32 SandboxMessageStore::intern(const QString &number)
{
    const auto it = m_numberIds.constFind(number);
    if (it != m_numberIds.constEnd())
        return it.value();
    const auto id = quint32(m_numbers.size());
    m_numbers.append(number);
    m_numberIds.insert(number, id);
    return id;
}

std::optional<quint32> SandboxMessageStore::findNumber(const QString &number) const
{
    const auto it = m_numberIds.constFind(number);
    if (it == m_numberIds.constEnd())
        return std::nullopt;
    return it.value();
}

qsizetype SandboxMessageStore::orderPosition(quint32 id) const
{
    const auto before = [this](quint32 a, quint32 b) {
        const auto &ma = m_messages[a];
        const auto &mb = m_messages[b];
        return ma.dateCreated != mb.dateCreated ? ma.dateCreated < mb.dateCreated : a < b;
    };
    const auto it = std::lower_bound(m_order.begin(), m_order.end(), id, before);
    return it - m_order.begin();
}

bool SandboxMessageStore::matches(const StoredMessage &message, const Filter &filter) const
{
    if (filter.to && message.to != *filter.to)
        return false;
    if (filter.from && message.from != *filter.from)
        return false;
    if (filter.sentRange) {
        if (message.dateSent == 0 || message.dateSent < filter.sentMin ||
            message.dateSent > filter.sentMax)
            return false;
    }
    return true;
}

std::vector<quint32> SandboxMessageStore::list(const Filter &filter, std::optional<quint32> after,
                                               qsizetype skip, qsizetype limit) const
{
    std::vector<quint32> result;
    if (filter.impossible || limit <= 0)
        return result;
    qsizetype position = after ? orderPosition(*after) : qsizetype(m_order.size());
    while (--position >= 0) {
        const quint32 id = m_order[size_t(position)];
        if (!matches(m_messages[id], filter))
            continue;
        if (skip > 0) {
            --skip;
            continue;
        }
        result.push_back(id);
        if (qsizetype(result.size()) >= limit)
            break;
    }
    return result;
}

std::vector<quint32> SandboxMessageStore::listNewer(const Filter &filter, quint32 before,
                                                    qsizetype limit) const
{
    std::vector<quint32> result;
    if (filter.impossible || limit <= 0)
        return result;
    for (qsizetype position = orderPosition(before) + 1; position < qsizetype(m_order.size());
         ++position) {
        const quint32 id = m_order[size_t(position)];
        if (!matches(m_messages[id], filter))
            continue;
        result.push_back(id);
        if (qsizetype(result.size()) >= limit)
            break;
    }
    std::reverse(result.begin(), result.end());
    return result;
}

void SandboxMessageStore::save(QDataStream &out) const
{
    out << m_numbers;
    out << quint64(m_messages.size());
    for (const StoredMessage &m : m_messages) {
        out << m.sid.hi << m.sid.lo << m.dateCreated << m.dateSent << m.dateUpdated << m.from
            << m.to << m.errorCode << m.priceMicros << m.numSegments << quint8(m.status)
            << quint8(m.direction) << m.priced;
        out << body(m).toUtf8();
    }
}

bool SandboxMessageStore::load(QDataStream &in)
{
    m_messages.clear();
    m_order.clear();
    m_arena.clear();
    m_numberIds.clear();
    in >> m_numbers;
    for (qsizetype i = 0; i < m_numbers.size(); ++i)
        m_numberIds.insert(m_numbers[i], quint32(i));
    quint64 count = 0;
    in >> count;
    m_messages.reserve(count);
    for (quint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        StoredMessage m;
        quint8 status = 0;
        quint8 direction = 0;
        QByteArray utf8;
        in >> m.sid.hi >> m.sid.lo >> m.dateCreated >> m.dateSent >> m.dateUpdated >> m.from >>
            m.to >> m.errorCode >> m.priceMicros >> m.numSegments >> status >> direction >>
            m.priced >> utf8;
        m.status = MessageStatus(status);
        m.direction = MessageDirection(direction);
        m.bodyRef = m_arena.append(utf8);
        m.bodyLength = quint32(utf8.size());
        m_order.push_back(quint32(m_messages.size()));
        m_messages.push_back(m);
    }
    finishBulk();
    return in.status() == QDataStream::Ok;
}

qint64 SandboxMessageStore::approximateBytes() const
{
    return qint64(m_messages.capacity() * sizeof(StoredMessage) + m_order.capacity() * 4 +
                  m_index.capacity() * 4) +
           m_arena.bytesUsed();
}

} // namespace sandbox
