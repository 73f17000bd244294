// What keyword processing did with a thread's inbound messages ("Opted out by keyword
// STOP. Reply queued."), for the thread view to show under each message.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class KeywordNoteRows
{
public:
    struct Note
    {
        qint64 messageId = 0; // the inbound message it is about
        QString processType;  // unsubscribe, help, subscribe, auto_reply; '' for a near miss
        QString keyword;
        QString text;
        qint64 replyMessageId = 0; // 0: no reply queued
        qint64 processedAtMs = 0;
    };

    explicit KeywordNoteRows(QSqlDatabase db);

    // The thread's notes in message order; only the account's own thread.
    std::optional<QList<Note>> forThread(qint64 accountId, qint64 threadId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
