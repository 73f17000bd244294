// The sync_cursors table: where each account's sync streams stand, kept as the text the sync
// engine wrote (it owns the format), so that a restart resumes where the last run stopped.
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <optional>

class SyncCursorRows
{
public:
    explicit SyncCursorRows(QSqlDatabase db);

    // The stored cursor of the account's stream; nullopt when none is stored, or on an error
    // (then errorString() is not empty).
    std::optional<QString> load(qint64 accountId, const QString &stream);
    // Stores (or replaces) the cursor of the account's stream.
    bool save(qint64 accountId, const QString &stream, const QString &cursor, qint64 nowMs);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
