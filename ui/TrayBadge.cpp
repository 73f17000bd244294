#include "TrayBadge.h"

#include "SvgIcon.h"

#include <QCoreApplication>
#include <QFont>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace TrayBadge {

namespace {
const QColor BadgeColor(0xdc, 0x26, 0x26);
const QString AppIcon = u":/icons/smsdesk.svg"_s;
} // namespace

QString badgeText(int count)
{
    return count > MaxShown ? QString::number(MaxShown) + u"+"_s : QString::number(count);
}

QString toolTip(int count)
{
    if (count <= 0)
        return QCoreApplication::translate("TrayBadge", "SMS Desk \u2014 no unread messages");
    return QCoreApplication::translate("TrayBadge", "SMS Desk \u2014 %n unread", nullptr, count);
}

QIcon icon(int count)
{
    QIcon result;
    for (const qreal dpr : {1.0, 2.0}) {
        // The app icon has no currentColor: the colour argument changes nothing.
        QPixmap pixmap = SvgIcon::pixmap(AppIcon, Qt::black, Size, dpr);
        if (pixmap.isNull()) {
            pixmap = QPixmap(qRound(Size * dpr), qRound(Size * dpr));
            pixmap.setDevicePixelRatio(dpr);
            pixmap.fill(QColor(0x1d, 0x4e, 0xd8));
        }
        if (count > 0) {
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            const QString text = badgeText(count);
            // A circle for one or two digits, a pill for "99+"; big enough to read at 22 px.
            const qreal height = Size * 0.56;
            const qreal width = text.size() > 2 ? Size * 0.8 : height;
            const QRectF badge(Size - width, 0, width, height);
            p.setPen(QPen(Qt::white, Size * 0.04));
            p.setBrush(BadgeColor);
            p.drawRoundedRect(badge, height / 2, height / 2);
            QFont font;
            font.setBold(true);
            font.setPixelSize(qRound(height * (text.size() > 2 ? 0.5 : 0.62)));
            p.setFont(font);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, text);
        }
        result.addPixmap(pixmap);
    }
    return result;
}

} // namespace TrayBadge
