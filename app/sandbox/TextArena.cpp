#include "TextArena.h"

#include <cstring>

namespace sandbox {

quint64 TextArena::append(const QByteArray &utf8)
{
    const auto length = quint32(utf8.size());
    Q_ASSERT(length <= kChunkSize);
    if (m_chunks.empty() || m_chunkUsed + length > kChunkSize) { // an empty first body too
        m_chunks.push_back(std::make_unique<char[]>(kChunkSize));
        m_chunkUsed = 0;
    }
    const quint64 ref = (quint64(m_chunks.size() - 1) << 32) | m_chunkUsed;
    std::memcpy(m_chunks.back().get() + m_chunkUsed, utf8.constData(), length);
    m_chunkUsed += length;
    m_used += length;
    return ref;
}

QString TextArena::text(quint64 ref, quint32 length) const
{
    const char *chunk = m_chunks.at(size_t(ref >> 32)).get();
    return QString::fromUtf8(chunk + quint32(ref & 0xFFFFFFFFu), qsizetype(length));
}

void TextArena::clear()
{
    m_chunks.clear();
    m_chunkUsed = kChunkSize;
    m_used = 0;
}

} // namespace sandbox
