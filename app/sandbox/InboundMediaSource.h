// Reads the MediaUrl of an injected inbound MMS: a data: URL or a local file.
#pragma once

#include <QByteArray>
#include <QString>

namespace sandbox {

namespace InboundMediaSource {

// A test's images are small; anything larger is refused rather than read into memory.
constexpr qint64 kMaxBytes = 16 * 1024 * 1024;

struct Loaded
{
    QString contentType; // from the data: URL or the file name; may be empty
    QByteArray bytes;
    QString error; // non-empty: could not be read
};

Loaded load(const QString &url);

} // namespace InboundMediaSource

} // namespace sandbox
