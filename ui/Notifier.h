// Desktop notifications and the tray icon for the open account: new inbound messages become
// pop-ups (or one digest) by the user's NotificationPolicy, a teammate's note that mentions this
// desktop's agent becomes a pop-up, and the tray shows the unread count.
#pragma once

#include "NewMessageQuery.h"
#include "Notification.h"
#include "NotificationPolicy.h"
#include "ThreadNoteRows.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

class NotificationSink;
class QMenu;
class QSystemTrayIcon;
class StoreReader;

class Notifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int RecentInMenu = 5;

    // reader: the store's reader of this thread, which must outlive the notifier; me: the
    // signed-in agent ('' for nobody); sink: where notifications go, not owned; nullptr shows
    // them through the tray icon.
    Notifier(const StoreReader &reader, qint64 accountId, const QString &me, NotificationSink *sink,
             QObject *parent = nullptr);
    ~Notifier() override;

    void setSettings(const NotificationPolicy::Settings &settings);
    NotificationPolicy::Settings settings() const { return m_policy.settings(); }
    // Tests: the clock the policy reads (do-not-disturb hours, digest window).
    void setClock(std::function<QDateTime()> clock);

    qint64 accountId() const { return m_accountId; }
    int unreadCount() const { return m_unread; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // Recent notifications' threads, then "Show SMS Desk"; the lead may add entries (Quit).
    QMenu *trayMenu() const { return m_menu.get(); }
    // What was shown last: the notification a click on the desktop's pop-up means.
    std::optional<Notification> lastShown() const { return m_lastShown; }

public Q_SLOTS:
    // The change feed's added messages. Ids of other accounts are ignored.
    void messagesAdded(const QList<qint64> &messageIds);
    // Switches everything: held digest and recent entries dropped, count re-read.
    void setAccount(qint64 accountId);
    // Who this desktop's agent is (the roster name once joined): "Mine" and mentions are theirs.
    // Notes already stored do not notify.
    void setMe(const QString &me);
    QString me() const { return m_me; }
    // The change feed touched the notes: the new ones that mention me notify.
    void notesAdded();
    // Re-reads the unread count (on every change feed delivery that touches threads: reading a
    // thread lowers it).
    void refreshUnread();
    // The user clicked a notification: asks for its thread.
    void activate(const Notification &notification);
    // Shows the held digest when it is due (its timer calls this).
    void flushDigest();

Q_SIGNALS:
    void threadRequested(qint64 threadId);
    void showWindowRequested();
    void unreadCountChanged(int count);

private:
    void present(const NotificationPolicy::Outcome &outcome);
    void scheduleFlush();
    void rebuildMenu();

    NewMessageQuery m_query;
    ThreadNoteRows m_notes;
    qint64 m_lastNoteId = 0; // notes up to it were seen
    qint64 m_accountId;
    QString m_me;
    NotificationPolicy m_policy;
    std::function<QDateTime()> m_clock;
    QSystemTrayIcon *m_tray;
    std::unique_ptr<QMenu> m_menu; // QMenu is a widget: owned here, not by a QObject parent
    std::unique_ptr<NotificationSink> m_ownSink;
    NotificationSink *m_sink;
    QTimer m_flushTimer;
    int m_unread = -1;
    std::optional<Notification> m_lastShown;
    QList<Notification> m_recent; // newest first
};
