#include "InboundMediaSource.h"

#include <QFile>
#include <QMimeDatabase>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace InboundMediaSource {

namespace {

// data:[<type>][;base64],<data>
Loaded fromDataUrl(const QString &url)
{
    Loaded loaded;
    const qsizetype comma = url.indexOf(u',');
    if (comma < 0) {
        loaded.error = u"a data: URL needs a comma before its data"_s;
        return loaded;
    }
    QString header = url.mid(5, comma - 5);
    const QByteArray data = url.mid(comma + 1).toLatin1();
    const bool base64 = header.endsWith(u";base64"_s);
    if (base64)
        header.chop(7);
    loaded.contentType = header.section(u';', 0, 0);
    if (base64) {
        auto decoded =
            QByteArray::fromBase64Encoding(data, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            loaded.error = u"the data: URL's base64 is not valid"_s;
            return loaded;
        }
        loaded.bytes = *decoded;
    } else {
        loaded.bytes = QByteArray::fromPercentEncoding(data);
    }
    return loaded;
}

} // namespace

Loaded load(const QString &url)
{
    if (url.startsWith(u"data:"_s))
        return fromDataUrl(url);
    Loaded loaded;
    const QString path = url.startsWith(u"file:"_s) ? QUrl(url).toLocalFile() : url;
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        loaded.error = u"use a data: URL or a readable local file"_s;
        return loaded;
    }
    if (file.size() > kMaxBytes) {
        loaded.error = u"larger than %1 bytes"_s.arg(kMaxBytes);
        return loaded;
    }
    loaded.bytes = file.readAll();
    loaded.contentType = QMimeDatabase().mimeTypeForFileNameAndData(path, loaded.bytes).name();
    return loaded;
}

} // namespace InboundMediaSource

} // namespace sandbox
