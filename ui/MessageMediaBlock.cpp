#include "MessageMediaBlock.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMimeDatabase>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace {

const QColor AttachmentFill(0xff, 0xff, 0xff, 0xe6);
const QColor AttachmentBorder(0xd1, 0xd5, 0xdb);
const QColor AttachmentText(0x11, 0x18, 0x27);
const QColor ProblemText(0xb9, 0x1c, 0x1c);

} // namespace

QList<MessageMediaBlock::Item> MessageMediaBlock::parse(const QString &json)
{
    QList<Item> items;
    if (json.isEmpty())
        return items;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        items.append({o.value("sid"_L1).toString(), o.value("type"_L1).toString(),
                      o.value("state"_L1).toString(),
                      o.value("size"_L1).isDouble() ? qint64(o.value("size"_L1).toDouble()) : -1,
                      o.value("path"_L1).toString(), o.value("error"_L1).toString()});
    }
    return items;
}

QString MessageMediaBlock::attachmentText(const Item &item)
{
    const QLocale locale;
    const QString comment = QMimeDatabase().mimeTypeForName(item.contentType).comment();
    const QString name = comment.isEmpty()
                             ? (item.contentType.isEmpty()
                                    ? QCoreApplication::translate("MessageMediaBlock", "Attachment")
                                    : item.contentType)
                             : comment;
    const QString size = item.size >= 0 ? locale.formattedDataSize(item.size) : QString();
    if (item.state == u"cached"_s)
        return name + u" \u00b7 "_s + item.contentType +
               (size.isEmpty() ? QString() : u" \u00b7 "_s + size);
    if (item.state == u"pending"_s)
        return QCoreApplication::translate("MessageMediaBlock", "%1 \u00b7 downloading\u2026")
            .arg(name);
    if (item.state == u"too_large"_s)
        return QCoreApplication::translate("MessageMediaBlock",
                                           "%1 \u00b7 not downloaded: larger than the size limit")
                   .arg(name) +
               (size.isEmpty() ? QString() : u" ("_s + size + u')');
    if (item.state == u"evicted"_s)
        return QCoreApplication::translate("MessageMediaBlock",
                                           "%1 \u00b7 removed from the media cache")
            .arg(name);
    return QCoreApplication::translate("MessageMediaBlock", "%1 \u00b7 download failed").arg(name) +
           (item.error.isEmpty() ? QString() : u": "_s + item.error);
}

const QImage *MessageMediaBlock::thumbnail(const QString &path) const
{
    if (QImage *cached = m_thumbnails.object(path))
        return cached;
    QImageReader reader(path);
    QSize size = reader.size();
    if (size.isValid()) {
        size.scale(QSize(ThumbMaxWidth, ThumbMaxHeight).boundedTo(size), Qt::KeepAspectRatio);
        reader.setScaledSize(size);
    }
    auto *image = new QImage(reader.read());
    if (image->isNull()) {
        delete image;
        return nullptr;
    }
    m_thumbnails.insert(path, image);
    return m_thumbnails.object(path);
}

QList<QRect> MessageMediaBlock::layout(const QList<Item> &items, const QFont &font,
                                       int maxWidth) const
{
    QList<QRect> rects;
    const QFontMetrics fm(font);
    int y = 0;
    for (const Item &item : items) {
        QRect r;
        const QImage *thumb = item.showsThumbnail() ? thumbnail(item.path) : nullptr;
        if (thumb) {
            r = QRect(QPoint(0, y), thumb->size().boundedTo(QSize(maxWidth, ThumbMaxHeight)));
        } else {
            const int w = std::min(maxWidth, fm.horizontalAdvance(attachmentText(item)) + 40);
            const QRect text =
                fm.boundingRect(QRect(0, 0, w - 40, 1000), Qt::TextWordWrap, attachmentText(item));
            r = QRect(0, y, w, std::max(fm.height(), text.height()) + 14);
        }
        rects.append(r);
        y = r.bottom() + 1 + Gap;
    }
    return rects;
}

QSize MessageMediaBlock::size(const QList<QRect> &rects)
{
    QRect all;
    for (const QRect &r : rects)
        all = all.united(r);
    return all.isEmpty() ? QSize() : QSize(all.right() + 1, all.bottom() + 1);
}

void MessageMediaBlock::paint(QPainter *p, const QPoint &topLeft, const QList<Item> &items,
                              const QList<QRect> &rects, const QFont &font, bool) const
{
    for (qsizetype i = 0; i < items.size() && i < rects.size(); ++i) {
        const Item &item = items[i];
        const QRect r = rects[i].translated(topLeft);
        const QImage *thumb = item.showsThumbnail() ? thumbnail(item.path) : nullptr;
        if (thumb) {
            p->save();
            QPainterPath clip;
            clip.addRoundedRect(QRectF(r), 8, 8);
            p->setClipPath(clip);
            p->drawImage(r, *thumb);
            p->restore();
            continue;
        }
        p->setPen(QPen(AttachmentBorder, 1));
        p->setBrush(AttachmentFill);
        p->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        // A paper-clip mark: a rounded slot, then the name.
        const QRect icon(r.left() + 10, r.center().y() - 7, 10, 14);
        p->setPen(QPen(AttachmentText, 1.5));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(icon), 4, 4);
        p->setFont(font);
        const bool problem = item.state == u"failed"_s || item.state == u"too_large"_s;
        p->setPen(problem ? ProblemText : AttachmentText);
        p->drawText(r.adjusted(30, 7, -8, -7), Qt::TextWordWrap | Qt::AlignVCenter,
                    attachmentText(item));
    }
}
