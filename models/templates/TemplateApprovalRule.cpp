#include "TemplateApprovalRule.h"

#include <QCoreApplication>

bool TemplateApprovalRule::mayApprove(const QString &author, const QString &person)
{
    return author.trimmed().compare(person.trimmed(), Qt::CaseInsensitive) != 0;
}

QString TemplateApprovalRule::refusal()
{
    return QCoreApplication::translate(
        "TemplateApprovalRule",
        "You wrote this version: another member of the team must approve it.");
}
