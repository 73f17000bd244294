// A contact's timeline: the messages of every thread it has with any of the account's numbers,
// newest first, for the contact editor. Read through a StoreReader.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class ContactTimelineQuery
{
public:
    struct Entry
    {
        qint64 messageId = 0;
        qint64 threadId = 0;
        QString ourNumber;
        bool inbound = false;
        QString body;
        QString status;
        qint64 at = 0; // ms since the epoch
    };

    explicit ContactTimelineQuery(QSqlDatabase db);

    // At most `limit` messages; nullopt on a database error (errorString()).
    std::optional<QList<Entry>> load(qint64 accountId, const QString &number, int limit = 500);
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
