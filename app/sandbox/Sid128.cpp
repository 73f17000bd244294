#include "Sid128.h"

namespace sandbox {

namespace {

void appendHex(QChar *out, quint64 value)
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i) {
        out[i] = QLatin1Char(digits[value & 0xF]);
        value >>= 4;
    }
}

bool parseHex(QStringView text, quint64 *value)
{
    quint64 v = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        int d;
        if (u >= '0' && u <= '9')
            d = u - '0';
        else if (u >= 'a' && u <= 'f')
            d = u - 'a' + 10;
        else if (u >= 'A' && u <= 'F')
            d = u - 'A' + 10;
        else
            return false;
        v = (v << 4) | quint64(d);
    }
    *value = v;
    return true;
}

} // namespace

QString Sid128::toString(QLatin1StringView prefix) const
{
    QString out(prefix.size() + 32, Qt::Uninitialized);
    QChar *data = out.data();
    for (qsizetype i = 0; i < prefix.size(); ++i)
        data[i] = QLatin1Char(prefix[i]);
    appendHex(data + prefix.size(), hi);
    appendHex(data + prefix.size() + 16, lo);
    return out;
}

Sid128 Sid128::fromString(QStringView text, QLatin1StringView prefix)
{
    if (text.size() != prefix.size() + 32 || !text.startsWith(prefix))
        return {};
    Sid128 sid;
    if (!parseHex(text.mid(prefix.size(), 16), &sid.hi) ||
        !parseHex(text.mid(prefix.size() + 16), &sid.lo))
        return {};
    return sid;
}

} // namespace sandbox
