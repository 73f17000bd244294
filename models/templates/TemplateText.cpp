#include "TemplateText.h"

#include "OptOutLine.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isValidName(QStringView name)
{
    if (name.isEmpty() || !(name.front().isLetter() || name.front() == u'_'))
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
    });
}

} // namespace

TemplateText::TemplateText(const QString &body)
    : m_body(body)
{
    parse();
}

QStringList TemplateText::contactFields()
{
    return {u"first_name"_s, u"last_name"_s, u"name"_s, u"phone"_s};
}

TemplateText::Error TemplateText::errorAt(qsizetype position, const QString &what) const
{
    // Line starts were found once: an error costs a binary search, not a scan from the
    // start (a body with 40,000 bad tokens took a minute that way).
    Error error;
    error.position = position;
    const auto after = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), position);
    const qsizetype lineStart = after == m_lineStarts.cbegin() ? 0 : *(after - 1);
    error.line = int(after - m_lineStarts.cbegin()) + 1;
    error.column = int(qMin(position, m_body.size()) - lineStart) + 1;
    error.message = u"%1 at line %2, column %3"_s.arg(what).arg(error.line).arg(error.column);
    return error;
}

namespace {

// The next occurrence of a two-character mark at or after a position, remembered: the
// parser asks with ever larger positions, so every mark is searched for once in all.
class NextMark
{
public:
    NextMark(QStringView body, QStringView mark)
        : m_body(body)
        , m_mark(mark)
    {}

    qsizetype from(qsizetype position)
    {
        if (m_found != -1 && (m_found < 0 || m_found >= position))
            return m_found < 0 ? -1 : m_found;
        m_found = m_body.indexOf(m_mark, position);
        if (m_found < 0)
            m_found = -2; // none left: never search again
        return m_found < 0 ? -1 : m_found;
    }

private:
    QStringView m_body;
    QStringView m_mark;
    qsizetype m_found = -1; // -1: not searched yet, -2: none from here on
};

} // namespace

void TemplateText::parse()
{
    const QStringView body(m_body);
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body.at(i) == u'\n')
            m_lineStarts.append(i + 1);
    }
    NextMark opens(body, u"{{");
    NextMark closes(body, u"}}");
    qsizetype i = 0;
    while (i < body.size()) {
        const qsizetype open = opens.from(i);
        const qsizetype stray = closes.from(i);
        if (stray >= 0 && (open < 0 || stray < open)) {
            m_errors.append(errorAt(stray, u"\"}}\" without a matching \"{{\""_s));
            i = stray + 2;
            continue;
        }
        if (open < 0)
            break;
        const qsizetype close = closes.from(open + 2);
        const qsizetype nested = opens.from(open + 2);
        if (close < 0) {
            m_errors.append(errorAt(open, u"\"{{\" is never closed with \"}}\""_s));
            break;
        }
        if (nested >= 0 && nested < close) {
            m_errors.append(errorAt(open, u"\"{{\" is not closed before the next \"{{\""_s));
            i = nested;
            continue;
        }
        const QStringView inner = body.mid(open + 2, close - open - 2);
        const qsizetype bar = inner.indexOf(u'|');
        Token token;
        token.name = (bar < 0 ? inner : inner.left(bar)).trimmed().toString();
        token.hasFallback = bar >= 0;
        if (token.hasFallback)
            token.fallback = inner.mid(bar + 1).trimmed().toString();
        token.position = open;
        token.length = close + 2 - open;
        if (token.name.isEmpty())
            m_errors.append(
                errorAt(open, u"empty field name in \"%1\""_s.arg(body.mid(open, token.length))));
        else if (!isValidName(token.name))
            m_errors.append(errorAt(open, u"\"%1\" is not a valid field name (use letters, "
                                          u"digits, '_', '-' or '.')"_s.arg(token.name)));
        else
            m_tokens.append(token);
        i = close + 2;
    }
}

QStringList TemplateText::fieldNames() const
{
    QStringList names;
    QSet<QString> seen;
    for (const Token &token : m_tokens) {
        if (!seen.contains(token.name)) {
            seen.insert(token.name);
            names.append(token.name);
        }
    }
    return names;
}

QList<TemplateText::Error> TemplateText::validate(const QStringList &attributeNames,
                                                  TemplateType type) const
{
    QList<Error> errors = m_errors;
    const QStringList known = contactFields() + attributeNames;
    const QSet<QString> knownSet(known.cbegin(), known.cend());
    for (const Token &token : m_tokens) {
        if (knownSet.contains(token.name))
            continue;
        QString what = u"unknown field \"%1\""_s.arg(token.name);
        for (const QString &candidate : known) {
            if (candidate.compare(token.name, Qt::CaseInsensitive) == 0) {
                what += u" (did you mean \"%1\"?)"_s.arg(candidate);
                break;
            }
        }
        errors.append(errorAt(token.position, what));
    }
    if (TemplateTypes::needsOptOutLine(type) && !hasOptOutLine())
        errors.append(errorAt(m_body.size(), u"a promotional template needs an opt-out line "
                                             u"such as \"%1\""_s.arg(OptOutLine::standardLine())));
    std::stable_sort(errors.begin(), errors.end(),
                     [](const Error &a, const Error &b) { return a.position < b.position; });
    return errors;
}

TemplateText::Rendered TemplateText::render(const QHash<QString, QString> &values) const
{
    Rendered rendered;
    QSet<QString> missing;
    rendered.text.reserve(m_body.size());
    qsizetype copied = 0;
    for (const Token &token : m_tokens) {
        rendered.text += QStringView(m_body).mid(copied, token.position - copied);
        copied = token.position + token.length;
        const QString value = values.value(token.name);
        if (!value.trimmed().isEmpty()) {
            rendered.text += value;
        } else if (token.hasFallback) {
            rendered.text += token.fallback;
        } else if (!missing.contains(token.name)) {
            missing.insert(token.name);
            rendered.missing.append(token.name);
        }
    }
    rendered.text += QStringView(m_body).mid(copied);
    return rendered;
}

QHash<QString, int>
TemplateText::missingValueCounts(const QList<QHash<QString, QString>> &recipients) const
{
    QSet<QString> unguarded; // fields used at least once without a fallback
    for (const Token &token : m_tokens) {
        if (!token.hasFallback)
            unguarded.insert(token.name);
    }
    QHash<QString, int> counts;
    for (const auto &values : recipients) {
        for (const QString &name : unguarded) {
            if (values.value(name).trimmed().isEmpty())
                ++counts[name];
        }
    }
    return counts;
}

bool TemplateText::hasOptOutLine() const
{
    return OptOutLine::isPresent(m_body);
}
