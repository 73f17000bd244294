// Append-only storage for message bodies: UTF-8 bytes in large chunks, addressed by a 64-bit
// reference, without a heap allocation per message.
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace sandbox {

class TextArena
{
public:
    quint64 append(const QByteArray &utf8);
    QString text(quint64 ref, quint32 length) const;
    qint64 bytesUsed() const { return m_used; }
    void clear();

private:
    static constexpr quint32 kChunkSize = 4u << 20;
    std::vector<std::unique_ptr<char[]>> m_chunks;
    quint32 m_chunkUsed = kChunkSize;
    qint64 m_used = 0;
};

} // namespace sandbox
