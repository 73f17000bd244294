#include "SvgIcon.h"

#include "UiLogging.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>

namespace SvgIcon {

QPixmap pixmap(const QString &resource, const QColor &color, int size, qreal dpr)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcUi) << "cannot open icon" << resource << file.errorString();
        return {};
    }
    QByteArray svg = file.readAll();
    svg.replace("currentColor", color.name().toLatin1());

    QBuffer buffer(&svg);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "svg");
    const int pixels = qRound(size * dpr);
    reader.setScaledSize(QSize(pixels, pixels));
    const QImage image = reader.read();
    if (image.isNull()) {
        qCWarning(lcUi) << "cannot render icon" << resource << reader.errorString()
                        << "(is Qt's SVG image plugin, package libqt6svg6, installed?)";
        return {};
    }
    QPixmap result = QPixmap::fromImage(image);
    result.setDevicePixelRatio(dpr);
    return result;
}

QIcon icon(const QString &resource, const QColor &normal, const QColor &selected, int size)
{
    QIcon result;
    for (const qreal dpr : {1.0, 2.0}) {
        result.addPixmap(pixmap(resource, normal, size, dpr), QIcon::Normal);
        result.addPixmap(pixmap(resource, selected, size, dpr), QIcon::Selected);
    }
    return result;
}

} // namespace SvgIcon
