// What the conversation header shows about one thread (customer, our number, text-enabled)
// and the customer's other threads with the same account's other numbers.
#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class ConversationQuery
{
public:
    struct Header
    {
        qint64 threadId = 0;
        qint64 accountId = 0;
        QString customerNumber;  // canonical
        QString customerDisplay; // formatted for people
        QString customerName;    // '' without a contact name
        QString senderNumber;    // canonical
        QString senderDisplay;
        QString senderLabel;
        QString textEnabled; // unknown, checking, yes, no
        QString lineType;
        // The contact's personalisation fields (JSON object of strings).
        QHash<QString, QString> attributes;

        // Values for TemplateText::render: first_name, last_name, name, phone, and every
        // attribute (a contact field wins over an attribute of the same name).
        QHash<QString, QString> templateValues() const;
    };

    struct LinkedThread
    {
        qint64 threadId = 0;
        QString senderNumber;
        QString senderDisplay;
        QString senderLabel;
    };

    explicit ConversationQuery(QSqlDatabase db);

    // nullopt when the thread does not exist in the account (or on a read error).
    std::optional<Header> header(qint64 accountId, qint64 threadId);
    // The account's other threads with the same customer (through other sender numbers),
    // most recent first. Never another account's.
    QList<LinkedThread> linkedThreads(qint64 accountId, qint64 threadId);

    // Canonical E.164 formatted for people; short codes and unparsable text unchanged.
    static QString displayNumber(const QString &canonical);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
