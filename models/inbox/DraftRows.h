// The drafts table: what an agent has typed but not sent, one per thread, kept across restarts.
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

class DraftRows
{
public:
    explicit DraftRows(QSqlDatabase db);

    // The thread's draft, '' when there is none; nullopt on a read error.
    std::optional<QString> draft(qint64 threadId);
    // Stores the draft; an empty (or all-whitespace) body deletes it.
    bool save(qint64 threadId, const QString &body, qint64 nowMs);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
