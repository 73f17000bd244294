#include "FreedesktopNotificationSink.h"

#include "UiLogging.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace {

const QString Service = u"org.freedesktop.Notifications"_s;
const QString Path = u"/org/freedesktop/Notifications"_s;
const QString Interface = u"org.freedesktop.Notifications"_s;

} // namespace

FreedesktopNotificationSink::FreedesktopNotificationSink(const QDBusConnection &bus,
                                                         QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
    m_bus.connect(Service, Path, Interface, u"ActionInvoked"_s, this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(Service, Path, Interface, u"NotificationClosed"_s, this,
                  SLOT(onClosed(uint, uint)));
}

bool FreedesktopNotificationSink::isAvailable(const QDBusConnection &bus)
{
    return bus.isConnected() && bus.interface() &&
           bus.interface()->isServiceRegistered(Service).value();
}

void FreedesktopNotificationSink::show(const Notification &notification, bool sound)
{
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, u"Notify"_s);
    QVariantMap hints{{u"desktop-entry"_s, u"smsdesk"_s}, {u"category"_s, u"im.received"_s}};
    if (sound)
        hints.insert(u"sound-name"_s, u"message-new-instant"_s);
    else
        hints.insert(u"suppress-sound"_s, true);
    call << u"SMS Desk"_s << uint(0) << u"smsdesk"_s << notification.title << notification.body
         << QStringList{u"default"_s, tr("Open")} << hints << TimeoutMs;
    // Asynchronous: the GUI thread never waits for the bus.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notification](QDBusPendingCallWatcher *w) {
                const QDBusPendingReply<uint> reply = *w;
                w->deleteLater();
                if (reply.isError()) {
                    qCWarning(lcUi) << "notification not shown:" << reply.error().message();
                    return;
                }
                m_shown.insert(reply.value(), notification);
            });
}

void FreedesktopNotificationSink::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.cend() || action != u"default")
        return;
    Q_EMIT activated(*it);
}

void FreedesktopNotificationSink::onClosed(uint id, uint)
{
    m_shown.remove(id);
}
