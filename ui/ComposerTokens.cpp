#include "ComposerTokens.h"

#include "TemplateText.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

// "{first_name}" or "{ first_name | there }", not part of "{{first_name}}".
const QRegularExpression &singleBraceToken()
{
    static const QRegularExpression re(
        u"(?<!\\{)\\{\\s*([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*(?:\\|[^{}]*)?\\}(?!\\})"_s);
    return re;
}

} // namespace

ComposerTokens::Check ComposerTokens::check(const QString &body,
                                            const QHash<QString, QString> &values)
{
    Check result;
    const TemplateText text(body);
    result.hasTokens = !text.tokens().isEmpty();
    const TemplateText::Rendered rendered = text.render(values);
    result.text = result.hasTokens ? rendered.text : body;

    if (!text.isWellFormed()) {
        result.problem = tr("A field in this reply is broken: %1. Fix it (fields are written "
                            "{{first_name}}) or remove it.")
                             .arg(text.syntaxErrors().constFirst().message);
        return result;
    }
    const QStringList known = TemplateText::contactFields();
    auto it = singleBraceToken().globalMatch(body);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        if (known.contains(name) || values.contains(name)) {
            result.problem = tr("\"%1\" would reach the customer as typed: a field takes double "
                                "braces, as in {{%2}}.")
                                 .arg(match.captured(0), name);
            return result;
        }
    }
    if (!rendered.missing.isEmpty()) {
        QStringList tokens;
        for (const QString &name : rendered.missing)
            tokens.append(u"{{"_s + name + u"}}"_s);
        result.problem =
            tr("Not sent: this customer has no value for %1. Type the words instead, or give "
               "a fallback, as in {{%2|there}}.")
                .arg(tokens.join(u", "_s), rendered.missing.constFirst());
    }
    return result;
}
