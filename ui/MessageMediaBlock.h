// The media of an MMS inside its thread bubble: images as thumbnails (from the profile's media
// cache), anything else, and items not downloaded, as a named attachment line (type, size,
// or why it is not there). Lays out, paints and hit-tests; MessageBubbleDelegate places it.
#pragma once

#include <QCache>
#include <QFont>
#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

class QPainter;

class MessageMediaBlock
{
public:
    struct Item
    {
        QString sid;
        QString contentType;
        QString state; // pending, cached, failed, too_large, evicted
        qint64 size = -1;
        QString path; // the cached file; '' when not cached
        QString error;

        bool isImage() const { return contentType.startsWith(QLatin1StringView("image/")); }
        bool showsThumbnail() const
        {
            return isImage() && state == QLatin1StringView("cached") && !path.isEmpty();
        }
    };

    static constexpr int ThumbMaxWidth = 220;
    static constexpr int ThumbMaxHeight = 160;
    static constexpr int Gap = 6;

    // From ThreadMessagesModel::MediaRole's JSON.
    static QList<Item> parse(const QString &json);
    // "PDF document · 12 KB", "Downloading…", "Not downloaded: larger than the 5 MB limit"…
    static QString attachmentText(const Item &item);

    // Rectangles of each item, relative to the block's top-left, within maxWidth.
    QList<QRect> layout(const QList<Item> &items, const QFont &font, int maxWidth) const;
    static QSize size(const QList<QRect> &rects);
    void paint(QPainter *p, const QPoint &topLeft, const QList<Item> &items,
               const QList<QRect> &rects, const QFont &font, bool onDarkBubble) const;

private:
    // A thumbnail, scaled once and kept (keyed by file path).
    const QImage *thumbnail(const QString &path) const;

    mutable QCache<QString, QImage> m_thumbnails{64};
};
