// The fields typed into a reply ("Hi {{first_name|there}}"), filled from the customer's contact
// by the templates' own renderer (TemplateText): what would go out, and why it cannot when a
// field has neither a value nor a fallback, a token is malformed, or a known field is written
// with single braces ("{first_name}" is not a field and would reach the customer as typed).
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

class ComposerTokens
{
    Q_DECLARE_TR_FUNCTIONS(ComposerTokens)

public:
    struct Check
    {
        QString text;    // what the customer would receive
        QString problem; // why it cannot be sent; empty when it can
        bool hasTokens = false;
    };

    // values: the contact's, as ConversationQuery::Header::templateValues() gives them.
    static Check check(const QString &body, const QHash<QString, QString> &values);
};
