// Reads the internal notes agents wrote on a thread (thread_notes, shared through the team
// log), oldest first: what `smsdesk-cli threads --json` reports with each thread.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class ThreadNoteListing
{
public:
    struct Note
    {
        QString author;
        QString body;
        QString mentions; // roster names, comma separated
        qint64 createdAt = 0;
    };

    explicit ThreadNoteListing(QSqlDatabase db);

    // nullopt on a read error (errorString()).
    std::optional<QList<Note>> notes(qint64 threadId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
