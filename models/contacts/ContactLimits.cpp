#include "ContactLimits.h"

using namespace Qt::StringLiterals;

namespace {

QString count(qint64 n)
{
    return QString::number(n);
}

} // namespace

QString ContactLimits::shown(const QString &text)
{
    constexpr int Shown = 40;
    QString out = text.left(Shown);
    for (QChar &c : out) {
        if (c.category() == QChar::Other_Control)
            c = QChar(u'?');
    }
    if (text.size() > Shown)
        out += u'…';
    return out;
}

qsizetype ContactLimits::controlCharacter(const QString &text, bool multiLine)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x20 && (c < 0x7F || c > 0x9F))
            continue;
        if (multiLine && (c == u'\t' || c == u'\n' || c == u'\r'))
            continue;
        return i;
    }
    return -1;
}

QString ContactLimits::check(const QString &what, const QString &value, int maxChars,
                             bool multiLine)
{
    if (value.size() > maxChars)
        return u"%1 is %2 characters long, at most %3"_s.arg(what, count(value.size()),
                                                             count(maxChars));
    const qsizetype at = controlCharacter(value, multiLine);
    if (at >= 0)
        return u"%1 holds a control character (U+%2) at character %3: control characters "
               u"are not allowed"_s.arg(what)
                   .arg(value.at(at).unicode(), 4, 16, QChar(u'0'))
                   .arg(at + 1);
    return {};
}

QString ContactLimits::checkName(const QString &name)
{
    return check(u"the name"_s, name, MaxNameChars);
}

QString ContactLimits::checkTag(const QString &tag)
{
    return check(u"tag '%1'"_s.arg(shown(tag)), tag, MaxTagChars);
}

QString ContactLimits::checkTagCount(qsizetype n)
{
    return n > MaxTags ? u"%1 tags, at most %2"_s.arg(n).arg(MaxTags) : QString();
}

QString ContactLimits::checkAttributeKey(const QString &key)
{
    return check(u"the attribute name '%1'"_s.arg(shown(key)), key, MaxAttributeKeyChars);
}

QString ContactLimits::checkAttributeValue(const QString &key, const QString &value)
{
    return check(u"attribute '%1'"_s.arg(shown(key)), value, MaxAttributeValueChars, true);
}

QString ContactLimits::checkAttributeCount(qsizetype n)
{
    return n > MaxAttributes ? u"%1 attributes, at most %2"_s.arg(n).arg(MaxAttributes) : QString();
}
