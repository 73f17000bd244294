// MMS media of the profile (tables media_listings and message_media, 0017): which messages'
// Media lists are still to read, each item's download state, and the cache's LRU order.
// Every change to an item also marks its message updated, so open threads repaint it.
#pragma once

#include "MessageMedia.h"

#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class MessageMediaRows
{
public:
    explicit MessageMediaRows(QSqlDatabase db);

    // Messages seen with num_media > 0 (sid, count); ones already known are left as they are.
    bool noteMessages(qint64 accountId, const QList<QPair<QString, int>> &messages);
    // Messages whose Media list has not been read yet, oldest noted first.
    std::optional<QStringList> unlisted(qint64 accountId, int limit);
    // The list was read: its items are recorded (pending), the message counts as listed.
    bool storeListing(qint64 accountId, const QString &messageSid, const QList<MessageMedia> &items,
                      qint64 nowMs);
    bool failListing(qint64 accountId, const QString &messageSid, const QString &error);
    // Items to download: pending ones and failed ones tried fewer than maxAttempts times.
    std::optional<QList<MessageMedia>> toDownload(qint64 accountId, int maxAttempts);
    bool markCached(qint64 accountId, const QString &mediaSid, const QString &filePath,
                    qint64 sizeBytes, const QString &contentType, qint64 nowMs);
    // state: "failed" (error says why) or "too_large" (sizeBytes as announced).
    bool markFailed(qint64 accountId, const QString &mediaSid, const QString &state,
                    const QString &error, qint64 sizeBytes);
    // Opened by someone: most recently used now.
    bool touch(qint64 accountId, const QString &mediaSid, qint64 nowMs);
    // Cached items (of every account of the profile) beyond capBytes, least recently used
    // first, are marked evicted; their files are returned for the caller to delete.
    std::optional<QStringList> evictToFit(qint64 capBytes);
    std::optional<qint64> cachedBytes();
    std::optional<QList<MessageMedia>> forMessage(qint64 accountId, const QString &messageSid);

    QString errorString() const { return m_error; }

private:
    bool touchMessage(qint64 accountId, const QString &messageSid);
    bool fail(const QString &what, const QString &sqlError);

    QSqlDatabase m_db;
    QString m_error;
};
