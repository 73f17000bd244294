// A message template body: {{field}} tokens with optional fallbacks, validation and rendering.
#pragma once

#include "TemplateType.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Syntax: "{{name}}" or "{{name|fallback}}", with optional whitespace around the name and the
// fallback ("{{ first_name | there }}"). A name is letters, digits, '_', '-' or '.', starting
// with a letter or '_'; names are case-sensitive. Everything after the first '|' up to "}}" is
// the fallback, trimmed. Single braces are plain text. Errors, each with its position:
// "{{" without "}}", "{{" inside a token, "}}" without "{{", an empty name, a malformed name.
// There is no escape for a literal "{{" in a text.
//
// Rendering: a token takes its value; a missing or blank value takes the fallback; with no
// fallback it renders as nothing and the token's name is reported as missing, so a preview can
// warn "3 recipients have no first_name and no fallback".
class TemplateText
{
public:
    struct Token
    {
        QString name;
        QString fallback;
        bool hasFallback = false;
        qsizetype position = 0; // of the "{{", 0-based, in UTF-16 code units
        qsizetype length = 0;   // up to and including "}}"
    };

    struct Error
    {
        qsizetype position = 0; // 0-based offset into the body
        int line = 1;           // 1-based, for people
        int column = 1;         // 1-based
        QString message;        // already says where, e.g. "... at line 1, column 7"
    };

    struct Rendered
    {
        QString text;
        QStringList missing; // names rendered empty for want of a value and a fallback
    };

    explicit TemplateText(const QString &body = {});

    const QString &body() const { return m_body; }
    const QList<Token> &tokens() const { return m_tokens; }
    QStringList fieldNames() const; // distinct, in order of first use

    // Syntax errors only.
    const QList<Error> &syntaxErrors() const { return m_errors; }
    bool isWellFormed() const { return m_errors.isEmpty(); }

    // Contact fields every template may use: first_name, last_name, name, phone.
    static QStringList contactFields();

    // Everything that stops a template from being saved: syntax errors, tokens naming neither
    // a contact field nor one of `attributeNames`, and for promotional templates a missing
    // opt-out line. In body order; empty when the template is fine.
    QList<Error> validate(const QStringList &attributeNames, TemplateType type) const;

    // Malformed parts of an ill-formed body are copied through as they are.
    Rendered render(const QHash<QString, QString> &values) const;

    // Recipients (as their field values) lacking each field that has no fallback.
    QHash<QString, int> missingValueCounts(const QList<QHash<QString, QString>> &recipients) const;

    bool hasOptOutLine() const;

private:
    void parse();
    Error errorAt(qsizetype position, const QString &what) const;

    QString m_body;
    QList<Token> m_tokens;
    QList<Error> m_errors;
    QList<qsizetype> m_lineStarts; // offset after each '\n', ascending
};
