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
    Error error;
    error.position = position;
    for (qsizetype i = 0; i < position && i < m_body.size(); ++i) {
        if (m_body.at(i) == u'\n') {
            ++error.line;
            error.column = 1;
        } else {
            ++error.column;
        }
    }
    error.message = u"%1 at line %2, column %3"_s.arg(what).arg(error.line).arg(error.column);
    return error;
}

void TemplateText::parse()
{
    const QStringView body(m_body);
    qsizetype i = 0;
    while (i < body.size()) {
        const qsizetype open = body.indexOf(u"{{", i);
        const qsizetype stray = body.indexOf(u"}}", i);
        if (stray >= 0 && (open < 0 || stray < open)) {
            m_errors.append(errorAt(stray, u"\"}}\" without a matching \"{{\""_s));
            i = stray + 2;
            continue;
        }
        if (open < 0)
            break;
        const qsizetype close = body.indexOf(u"}}", open + 2);
        const qsizetype nested = body.indexOf(u"{{", open + 2);
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
    for (const Token &token : m_tokens) {
        if (!names.contains(token.name))
            names.append(token.name);
    }
    return names;
}

QList<TemplateText::Error> TemplateText::validate(const QStringList &attributeNames,
                                                  TemplateType type) const
{
    QList<Error> errors = m_errors;
    const QStringList known = contactFields() + attributeNames;
    for (const Token &token : m_tokens) {
        if (known.contains(token.name))
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
        } else if (!rendered.missing.contains(token.name)) {
            rendered.missing.append(token.name);
        }
    }
    rendered.text += QStringView(m_body).mid(copied);
    return rendered;
}

QHash<QString, int>
TemplateText::missingValueCounts(const QList<QHash<QString, QString>> &recipients) const
{
    QStringList unguarded; // fields used at least once without a fallback
    for (const Token &token : m_tokens) {
        if (!token.hasFallback && !unguarded.contains(token.name))
            unguarded.append(token.name);
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
