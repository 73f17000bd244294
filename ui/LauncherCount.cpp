#include "LauncherCount.h"

#include <QDBusMessage>
#include <QGuiApplication>
#include <QVariantMap>

using namespace Qt::StringLiterals;

LauncherCount::LauncherCount(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{}

QString LauncherCount::appUri()
{
    QString id = QGuiApplication::desktopFileName();
    if (id.isEmpty())
        id = u"smsdesk"_s;
    if (!id.endsWith(u".desktop"_s))
        id += u".desktop"_s;
    return u"application://"_s + id;
}

void LauncherCount::setCount(int count)
{
    count = qMax(0, count);
    if (count == m_count)
        return;
    m_count = count;
    if (!m_bus.isConnected())
        return;
    // Launchers match the signal by interface and member; the path only has to be valid.
    QDBusMessage update =
        QDBusMessage::createSignal(u"/com/canonical/unity/launcherentry/smsdesk"_s,
                                   u"com.canonical.Unity.LauncherEntry"_s, u"Update"_s);
    const QVariantMap properties{{u"count"_s, QVariant::fromValue(qint64(count))},
                                 {u"count-visible"_s, count > 0}};
    update << appUri() << properties;
    m_bus.send(update);
}
