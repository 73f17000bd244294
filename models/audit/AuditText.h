// How an audit_log entry reads for people: the action as a sentence fragment, the subject it
// changed and its details, so that an admin can answer "who changed this, and to what".
#pragma once

#include <QJsonObject>
#include <QString>

class AuditText
{
public:
    // "keyword_process.create" -> "Keyword process created"; an action without a name here
    // is turned into words ("report.export" -> "Report export"), never shown as a key.
    static QString action(const QString &action);
    // The category an action belongs to: "sender_number", "keyword_process", "consent", ...
    static QString category(const QString &action);
    // What was changed: the number, the keyword process's number and keywords, the contact.
    // `subjectName` is what the store knows of the subject (the sender number, the
    // conversation's contact and number, the campaign's name), may be empty.
    static QString subject(const QString &subjectType, qint64 subjectId, const QString &subjectName,
                           const QJsonObject &details);
    // How a conversation is named: "Ana Lopez (+14155550123)", or the number alone.
    static QString threadName(const QString &customerNumber, const QString &contactName);
    // The remaining details as "key: value" pairs joined by " · " (keys made readable, times
    // as local date and time).
    static QString details(const QString &subjectType, const QJsonObject &details);
};
