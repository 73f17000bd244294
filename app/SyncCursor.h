// Where the message sync of one account stands, stored as JSON in sync_cursors (stream
// "messages") so a restart resumes where the last run stopped.
#pragma once

#include <QDate>
#include <QList>
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

    // A parallel first sync lists the history as day ranges (DateSent>= from, DateSent<= to,
    // both inclusive), newest first; several are listed at once.
    struct Range
    {
        QDate from;
        QDate to;            // invalid: the newest range, open towards the future
        QString nextPageUri; // empty: no page of it listed yet
        friend bool operator==(const Range &, const Range &) = default;
    };

    Phase phase = Phase::Full;
    QString nextPageUri; // Full: empty before the first page
    qint64 newestMs = 0; // the newest message date seen so far (ms UTC), 0 for none
    QDate day;           // Incremental: the UTC day to list from

    // Full, parallel: the ranges taken and not finished, the newest day of the next range to
    // take, and whether the history is known to end before it.
    bool parallel = false;
    QList<Range> ranges;
    QDate nextRangeTo;
    bool historyEnd = false;

    QByteArray toJson() const;
    // nullopt with *error when the text is not a cursor this version wrote.
    static std::optional<SyncCursor> fromJson(const QByteArray &json, QString *error);

    static inline const QString kStream = QStringLiteral("messages");

    // Writer-thread helpers. load: nullopt when none is stored (or *error is set).
    static std::optional<SyncCursor> load(WriterContext &context, qint64 accountId, QString *error);
    static bool save(WriterContext &context, qint64 accountId, const SyncCursor &cursor,
                     QString *error);
};
