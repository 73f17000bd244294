// Internal notes on threads, as the team log brought them: read for the conversation (shown
// among the SMS in time order) and for mentions (a note naming this desktop's agent notifies).
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class ThreadNoteRows
{
public:
    struct Note
    {
        qint64 id = 0;
        qint64 threadId = 0;
        QString author; // the roster name of who wrote it
        QString body;
        QStringList mentions; // roster names mentioned with @
        qint64 createdAt = 0; // ms since the epoch, the author's clock
    };

    explicit ThreadNoteRows(QSqlDatabase db);

    // The thread's notes, oldest first.
    std::optional<QList<Note>> forThread(qint64 threadId);
    // The highest note id of the profile (0: none): mentions are looked for after it.
    qint64 lastId();
    // The account's notes after `afterId` that mention `name` and were written by someone else,
    // oldest first.
    std::optional<QList<Note>> mentioning(qint64 accountId, const QString &name, qint64 afterId);

    // The roster names `body` mentions with @Name, longest name first when names share a
    // beginning ("@Ana Lee" is Ana Lee, not Ana); each once, in `names`' spelling.
    static QStringList mentionsIn(const QString &body, const QStringList &names);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
