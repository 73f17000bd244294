#include "Notifier.h"

#include "FreedesktopNotificationSink.h"
#include "StoreReader.h"
#include "TrayBadge.h"
#include "TrayNotificationSink.h"
#include "UiLogging.h"

#include <QMenu>
#include <QSystemTrayIcon>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;

Notifier::Notifier(const StoreReader &reader, qint64 accountId, const QString &me,
                   NotificationSink *sink, QObject *parent)
    : QObject(parent)
    , m_query(reader.make<NewMessageQuery>())
    , m_notes(reader.make<ThreadNoteRows>())
    , m_lastNoteId(m_notes.lastId())
    , m_accountId(accountId)
    , m_me(me)
    , m_clock([] { return QDateTime::currentDateTime(); })
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(std::make_unique<QMenu>())
    , m_sink(sink)
{
    if (!m_sink && !QSystemTrayIcon::isSystemTrayAvailable() &&
        FreedesktopNotificationSink::isAvailable(QDBusConnection::sessionBus())) {
        // No tray to show balloons (GNOME): pop-ups go to the notification service.
        auto *bus = new FreedesktopNotificationSink(QDBusConnection::sessionBus(), this);
        connect(bus, &FreedesktopNotificationSink::activated, this, &Notifier::activate);
        m_sink = bus;
    }
    if (!m_sink) {
        m_ownSink = std::make_unique<TrayNotificationSink>(m_tray);
        m_sink = m_ownSink.get();
    }
    m_tray->setContextMenu(m_menu.get());
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_lastShown)
            activate(*m_lastShown);
    });
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT showWindowRequested();
            });
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &Notifier::flushDigest);

    rebuildMenu();
    refreshUnread();
    if (QSystemTrayIcon::isSystemTrayAvailable())
        m_tray->show();
    else
        qCInfo(lcUi) << "no system tray: the unread count shows in the window only";
}

Notifier::~Notifier()
{
    m_tray->setContextMenu(nullptr);
}

void Notifier::setSettings(const NotificationPolicy::Settings &settings)
{
    m_policy.setSettings(settings);
    scheduleFlush();
}

void Notifier::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void Notifier::messagesAdded(const QList<qint64> &messageIds)
{
    refreshUnread();
    const QList<NewMessage> messages = m_query.inbound(m_accountId, messageIds);
    if (messages.isEmpty())
        return;
    present(m_policy.onMessages(messages, m_me, m_clock()));
    scheduleFlush();
}

void Notifier::setAccount(qint64 accountId)
{
    m_accountId = accountId;
    m_policy.reset();
    m_flushTimer.stop();
    // A pop-up of the previous account still on screen must not open its thread here.
    m_lastShown.reset();
    m_recent.clear();
    rebuildMenu();
    refreshUnread();
}

void Notifier::setMe(const QString &me)
{
    m_me = me;
    m_lastNoteId = m_notes.lastId();
}

void Notifier::notesAdded()
{
    // Up to the last note now: one the writer commits meanwhile comes with the next delivery.
    const qint64 upTo = m_notes.lastId();
    const auto notes = m_notes.mentioning(m_accountId, m_me, m_lastNoteId);
    const qint64 after = m_lastNoteId;
    m_lastNoteId = std::max(m_lastNoteId, upTo);
    if (!notes || m_me.isEmpty())
        return;
    QList<NotificationPolicy::Mention> mentions;
    for (const ThreadNoteRows::Note &note : *notes) {
        if (note.id > after && note.id <= upTo)
            mentions.append({note.threadId, note.author, note.body, note.mentions, {}});
    }
    if (mentions.isEmpty())
        return;
    present(m_policy.onMentions(mentions, m_me, m_clock()));
}

void Notifier::refreshUnread()
{
    const int count = m_query.unreadCount(m_accountId);
    if (count < 0)
        return; // NewMessageQuery logged why; keep what the tray shows
    if (count == m_unread)
        return;
    m_unread = count;
    m_tray->setIcon(TrayBadge::icon(count));
    m_tray->setToolTip(TrayBadge::toolTip(count));
    Q_EMIT unreadCountChanged(count);
}

void Notifier::activate(const Notification &notification)
{
    if (notification.threadId > 0)
        Q_EMIT threadRequested(notification.threadId);
}

void Notifier::flushDigest()
{
    present(m_policy.flush(m_clock()));
    scheduleFlush();
}

void Notifier::present(const NotificationPolicy::Outcome &outcome)
{
    bool sound = outcome.sound;
    for (const Notification &n : outcome.notifications) {
        m_sink->show(n, sound);
        sound = false; // one sound for the batch, not one per pop-up
        m_lastShown = n;
        m_recent.prepend(n);
    }
    if (outcome.isEmpty())
        return;
    while (m_recent.size() > RecentInMenu)
        m_recent.removeLast();
    rebuildMenu();
}

void Notifier::scheduleFlush()
{
    const std::optional<QDateTime> due = m_policy.nextFlushAt();
    if (!due) {
        m_flushTimer.stop();
        return;
    }
    const qint64 ms = std::max<qint64>(0, m_clock().msecsTo(*due));
    m_flushTimer.start(std::chrono::milliseconds(ms));
}

void Notifier::rebuildMenu()
{
    m_menu->clear();
    for (const Notification &n : std::as_const(m_recent)) {
        const QString text = n.kind == Notification::Kind::Digest ? n.body : n.title;
        QAction *action = m_menu->addAction(text);
        action->setToolTip(n.body);
        connect(action, &QAction::triggered, this, [this, n] { activate(n); });
    }
    if (!m_recent.isEmpty())
        m_menu->addSeparator();
    QAction *show = m_menu->addAction(tr("Show SMS Desk"));
    connect(show, &QAction::triggered, this, &Notifier::showWindowRequested);
}
