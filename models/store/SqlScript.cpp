#include "SqlScript.h"

using namespace Qt::StringLiterals;

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

} // namespace

bool SqlScript::split(const QString &script, QStringList *statements, QString *error)
{
    statements->clear();
    const qsizetype n = script.size();
    qsizetype start = 0; // first token of the current statement
    qsizetype i = 0;
    // Significant words of the current statement, upper-cased, as far as they matter.
    QStringList leadWords; // first three words: CREATE [TEMP|TEMPORARY] TRIGGER
    QString previousToken; // last token before the current one (";", a word or other)
    QString lastToken;     // last significant token
    bool hasContent = false;
    int line = 1;

    const auto pushToken = [&](const QString &token, qsizetype at) {
        if (!hasContent)
            start = at;
        if (leadWords.size() < 3)
            leadWords.append(token);
        previousToken = lastToken;
        lastToken = token;
        hasContent = true;
    };
    const auto isTrigger = [&] {
        if (leadWords.value(0) != u"CREATE"_s)
            return false;
        const QString second = leadWords.value(1);
        if (second == u"TRIGGER"_s)
            return true;
        return (second == u"TEMP"_s || second == u"TEMPORARY"_s) &&
               leadWords.value(2) == u"TRIGGER"_s;
    };

    while (i < n) {
        const QChar c = script.at(i);
        if (c == u'\n') {
            ++line;
            ++i;
        } else if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            while (i < n && script.at(i) != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            const qsizetype end = script.indexOf(u"*/"_s, i + 2);
            if (end < 0) {
                *error = u"unterminated /* comment starting on line %1"_s.arg(line);
                return false;
            }
            line += int(QStringView(script).mid(i, end - i).count(u'\n'));
            i = end + 2;
        } else if (c == u'\'' || c == u'"' || c == u'`' || c == u'[') {
            const QChar close = c == u'[' ? u']' : c;
            const int startLine = line;
            qsizetype j = i + 1;
            for (;;) {
                if (j >= n) {
                    *error = u"unterminated quote %1 starting on line %2"_s.arg(c).arg(startLine);
                    return false;
                }
                if (script.at(j) == u'\n')
                    ++line;
                if (script.at(j) == close) {
                    // A doubled quote is an escaped quote, except for [...] identifiers.
                    if (close != u']' && j + 1 < n && script.at(j + 1) == close) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            pushToken(u"'"_s, i);
            i = j + 1;
        } else if (c == u';' && !hasContent) {
            ++i; // an empty statement
        } else if (c == u';') {
            const bool endsStatement =
                !isTrigger() || (lastToken == u"END"_s && previousToken == u";"_s);
            pushToken(u";"_s, i);
            ++i;
            if (endsStatement) {
                statements->append(script.mid(start, i - start).trimmed());
                leadWords.clear();
                previousToken.clear();
                lastToken.clear();
                hasContent = false;
            }
        } else if (isWordChar(c)) {
            qsizetype j = i;
            while (j < n && isWordChar(script.at(j)))
                ++j;
            pushToken(script.mid(i, j - i).toUpper(), i);
            i = j;
        } else {
            pushToken(QString(c), i);
            ++i;
        }
    }
    if (hasContent) {
        *error = u"statement without a closing ';' at the end of the script (line %1)"_s.arg(line);
        return false;
    }
    error->clear();
    return true;
}
