// Where the message sync of one account stands, stored as JSON in sync_cursors (stream
// "messages") so a restart resumes where the last run stopped.
#pragma once

#include <QDate>
#include <QString>

#include <optional>

struct WriterContext;

struct SyncCursor
{
    enum class Phase
    {
        Full,       // paging through all history; nextPageUri is the next page to fetch
        Incremental // history is complete up to `day`; next runs list DateSent>=day
    };

    Phase phase = Phase::Full;
    QString nextPageUri; // Full: empty before the first page
    qint64 newestMs = 0; // the newest message date seen so far (ms UTC), 0 for none
    QDate day;           // Incremental: the UTC day to list from

    QByteArray toJson() const;
    // nullopt with *error when the text is not a cursor this version wrote.
    static std::optional<SyncCursor> fromJson(const QByteArray &json, QString *error);

    static inline const QString kStream = QStringLiteral("messages");

    // Writer-thread helpers. load: nullopt when none is stored (or *error is set).
    static std::optional<SyncCursor> load(WriterContext &context, qint64 accountId, QString *error);
    static bool save(WriterContext &context, qint64 accountId, const SyncCursor &cursor,
                     QString *error);
};
