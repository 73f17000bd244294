// The inbox's commands on the current thread (resolve, flag, assign, snooze) and their
// shortcuts, as QActions that the toolbar, menus and keyboard share.
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;
class InboxCommands;
class ThreadListModel;
class ThreadListView;

class InboxActions : public QObject
{
    Q_OBJECT

public:
    enum class SnoozeChoice
    {
        OneHour,
        TomorrowMorning, // 9:00 local time tomorrow
        NextWeek,        // 9:00 local time next Monday
    };

    // Actions get WidgetWithChildrenShortcut on `page`. commands may be null (read-only: the
    // actions are disabled).
    InboxActions(ThreadListModel *model, ThreadListView *list, InboxCommands *commands,
                 QWidget *page);

    QAction *resolve() const { return m_resolve; }
    QAction *flag() const { return m_flag; }
    QAction *assignToMe() const { return m_assignMe; }
    QAction *assignTo() const { return m_assignTo; }
    QAction *snooze() const { return m_snooze; }
    QMenu *snoozeMenu() const { return m_snoozeMenu; }
    QList<QAction *> threadActions() const;

    // When a snooze choice wakes up, from a local time `now`.
    static QDateTime snoozeTime(SnoozeChoice choice, const QDateTime &now);

    // Seams for tests and for a richer picker later: return the chosen agent ('' unassigns)
    // or nullopt when cancelled; return a wake-up time or nullopt.
    using AgentChooser = std::function<std::optional<QString>(const QStringList &known)>;
    using TimeChooser = std::function<std::optional<QDateTime>(const QDateTime &suggested)>;
    void setAgentChooser(AgentChooser chooser) { m_chooseAgent = std::move(chooser); }
    void setTimeChooser(TimeChooser chooser) { m_chooseTime = std::move(chooser); }

    void updateEnabled();

Q_SIGNALS:
    // A command failed in the store; the text says why.
    void failed(const QString &message);

private:
    // Runs a command of InboxCommands on the current thread of the shown account; a refusal
    // or failure comes back through failed().
    using Command = std::function<void(qint64 account, qint64 thread)>;
    void run(const Command &command);
    void answered(const QString &error);
    void snoozeFor(const std::optional<QDateTime> &until);
    void showSnoozeMenu();
    QDateTime localNow() const;

    ThreadListModel *m_model;
    ThreadListView *m_list;
    InboxCommands *m_commands;
    QWidget *m_page;
    QAction *m_resolve;
    QAction *m_flag;
    QAction *m_assignMe;
    QAction *m_assignTo;
    QAction *m_snooze;
    QMenu *m_snoozeMenu;
    AgentChooser m_chooseAgent;
    TimeChooser m_chooseTime;
};
