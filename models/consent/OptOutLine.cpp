#include "OptOutLine.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

QString OptOutLine::standardLine()
{
    return u"Reply STOP to opt out."_s;
}

QStringList OptOutLine::keywords()
{
    return {u"STOP"_s, u"STOPALL"_s, u"UNSUBSCRIBE"_s, u"CANCEL"_s,
            u"END"_s,  u"QUIT"_s,    u"OPTOUT"_s,      u"REVOKE"_s};
}

bool OptOutLine::isPresent(const QString &text)
{
    static const QRegularExpression keyword(u"\\b(?:"_s + keywords().join(u'|') + u")\\b"_s,
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression phrase(
        u"\\b(?:opt[\\s-]*out|unsubscribe|to\\s+(?:stop|end|cancel|quit))\\b"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);

    QList<std::pair<qsizetype, qsizetype>> phrases; // [start, end)
    for (auto it = phrase.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        phrases.append({m.capturedStart(), m.capturedEnd()});
    }
    if (phrases.isEmpty())
        return false;
    for (auto it = keyword.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (const auto &[start, end] : phrases) {
            if (m.capturedEnd() <= start || m.capturedStart() >= end)
                return true;
        }
    }
    return false;
}

QString OptOutLine::appendTo(const QString &body)
{
    if (isPresent(body))
        return body;
    QString trimmed = body;
    while (!trimmed.isEmpty() && trimmed.back().isSpace())
        trimmed.chop(1);
    if (trimmed.isEmpty())
        return standardLine();
    const QChar separator = trimmed.contains(u'\n') ? u'\n' : u' ';
    return trimmed + separator + standardLine();
}
