#include "InboxActions.h"

#include "ButtonRowTabOrder.h"
#include "CommandResult.h"
#include "InboxCommands.h"
#include "ThreadListModel.h"
#include "ThreadListView.h"
#include "UiLogging.h"

#include <QAction>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QMenu>
#include <QVBoxLayout>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {

QAction *makeAction(QWidget *page, const QString &objectName, const QString &text,
                    const QList<QKeySequence> &keys)
{
    auto *action = new QAction(text, page);
    action->setObjectName(objectName);
    action->setShortcuts(keys);
    // Only while the inbox (or something in it) has focus: other pages keep their keys.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    page->addAction(action);
    return action;
}

} // namespace

InboxActions::InboxActions(ThreadListModel *model, ThreadListView *list, InboxCommands *commands,
                           QWidget *page)
    : QObject(page)
    , m_model(model)
    , m_list(list)
    , m_commands(commands)
    , m_page(page)
    , m_resolve(makeAction(page, u"actionResolve"_s, tr("Resolve"), {QKeySequence(u"Ctrl+R"_s)}))
    , m_flag(makeAction(page, u"actionFlag"_s, tr("Flag"),
                        {QKeySequence(u"F"_s), QKeySequence(u"Ctrl+Shift+F"_s)}))
    , m_assignMe(
          makeAction(page, u"actionAssignToMe"_s, tr("Assign to me"), {QKeySequence(u"A"_s)}))
    , m_assignTo(
          makeAction(page, u"actionAssignTo"_s, tr("Assign to…"), {QKeySequence(u"Shift+A"_s)}))
    , m_snooze(makeAction(page, u"actionSnooze"_s, tr("Snooze"), {QKeySequence(u"S"_s)}))
    , m_snoozeMenu(new QMenu(page))
{
    m_resolve->setToolTip(tr("Resolve or reopen the conversation (Ctrl+R)"));
    m_flag->setToolTip(tr("Flag or unflag (F)"));
    m_assignMe->setToolTip(tr("Assign to me (A)"));
    m_assignTo->setToolTip(tr("Assign to another agent (Shift+A)"));
    m_snooze->setToolTip(tr("Hide from Unresolved until later (S)"));
    m_snoozeMenu->setObjectName(u"snoozeMenu"_s);

    const auto addChoice = [this](const QString &name, const QString &text, SnoozeChoice c) {
        QAction *a = m_snoozeMenu->addAction(text);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, [this, c] { snoozeFor(snoozeTime(c, localNow())); });
    };
    addChoice(u"snoozeOneHour"_s, tr("For 1 hour"), SnoozeChoice::OneHour);
    addChoice(u"snoozeTomorrow"_s, tr("Until tomorrow 9:00"), SnoozeChoice::TomorrowMorning);
    addChoice(u"snoozeNextWeek"_s, tr("Until next week (Monday 9:00)"), SnoozeChoice::NextWeek);
    QAction *custom = m_snoozeMenu->addAction(tr("Until…"));
    custom->setObjectName(u"snoozeCustom"_s);
    connect(custom, &QAction::triggered, this, [this] {
        const QDateTime suggested = snoozeTime(SnoozeChoice::TomorrowMorning, localNow());
        if (const auto until = m_chooseTime(suggested))
            snoozeFor(*until);
    });
    m_snoozeMenu->addSeparator();
    QAction *wake = m_snoozeMenu->addAction(tr("Unsnooze"));
    wake->setObjectName(u"snoozeClear"_s);
    connect(wake, &QAction::triggered, this, [this] { snoozeFor(std::nullopt); });
    m_snooze->setMenu(m_snoozeMenu);

    m_chooseAgent = [this](const QStringList &known) -> std::optional<QString> {
        bool ok = false;
        const QString agent =
            QInputDialog::getItem(m_page, tr("Assign conversation"),
                                  tr("Agent (leave empty to unassign):"), known, 0, true, &ok);
        return ok ? std::optional<QString>(agent.trimmed()) : std::nullopt;
    };
    m_chooseTime = [this](const QDateTime &suggested) -> std::optional<QDateTime> {
        QDialog dialog(m_page);
        dialog.setWindowTitle(tr("Snooze until"));
        auto *edit = new QDateTimeEdit(suggested);
        edit->setCalendarPopup(true);
        edit->setMinimumDateTime(localNow());
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        ButtonRowTabOrder::follow(buttons);
        edit->setAccessibleName(tr("Snooze until"));
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(&dialog);
        layout->addWidget(edit);
        layout->addWidget(buttons);
        return dialog.exec() == QDialog::Accepted ? std::optional(edit->dateTime()) : std::nullopt;
    };

    connect(m_resolve, &QAction::triggered, this, [this] {
        const bool resolved =
            m_list->currentIndex().data(ThreadListModel::StatusRole).toString() == u"resolved";
        run([this, resolved](qint64 account, qint64 thread) {
            const auto done = [this](const CommandResult &r) { answered(r.error); };
            if (resolved)
                m_commands->reopen(account, thread, this, done);
            else
                m_commands->resolve(account, thread, this, done);
        });
    });
    connect(m_flag, &QAction::triggered, this, [this] {
        const bool flagged = m_list->currentIndex().data(ThreadListModel::FlaggedRole).toBool();
        run([this, flagged](qint64 account, qint64 thread) {
            m_commands->setFlagged(account, thread, !flagged, this,
                                   [this](const CommandResult &r) { answered(r.error); });
        });
    });
    connect(m_assignMe, &QAction::triggered, this, [this] {
        const QString me = m_model->me();
        run([this, me](qint64 account, qint64 thread) {
            m_commands->assign(account, thread, me, this,
                               [this](const CommandResult &r) { answered(r.error); });
        });
    });
    connect(m_assignTo, &QAction::triggered, this, [this] {
        if (m_list->currentThreadId() == 0)
            return;
        QStringList known = m_model->knownAssignees();
        if (!m_model->me().isEmpty() && !known.contains(m_model->me()))
            known.prepend(m_model->me());
        const auto agent = m_chooseAgent(known);
        if (!agent)
            return;
        const QString who = *agent;
        run([this, who](qint64 account, qint64 thread) {
            m_commands->assign(account, thread, who, this,
                               [this](const CommandResult &r) { answered(r.error); });
        });
    });
    // The toolbar button opens the menu itself; the key shows it under the list's selection.
    connect(m_snooze, &QAction::triggered, this, &InboxActions::showSnoozeMenu);

    const auto refresh = [this] { updateEnabled(); };
    connect(m_model, &QAbstractItemModel::dataChanged, this, refresh);
    connect(m_model, &QAbstractItemModel::modelReset, this, refresh);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, refresh);
    if (m_list->selectionModel())
        connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, refresh);
    updateEnabled();
}

QList<QAction *> InboxActions::threadActions() const
{
    return {m_resolve, m_flag, m_assignMe, m_assignTo, m_snooze};
}

QDateTime InboxActions::localNow() const
{
    return QDateTime::fromMSecsSinceEpoch(m_model->now()).toLocalTime();
}

QDateTime InboxActions::snoozeTime(SnoozeChoice choice, const QDateTime &now)
{
    const QTime morning(9, 0);
    switch (choice) {
    case SnoozeChoice::OneHour:
        return now.addSecs(3600);
    case SnoozeChoice::TomorrowMorning:
        return QDateTime(now.date().addDays(1), morning, now.timeSpec());
    case SnoozeChoice::NextWeek:
        // Monday is 1: the Monday after this week, never today.
        return QDateTime(now.date().addDays(8 - now.date().dayOfWeek()), morning, now.timeSpec());
    }
    return now;
}

void InboxActions::updateEnabled()
{
    const QModelIndex current = m_list->currentIndex();
    const bool enabled = m_commands && current.isValid();
    for (QAction *a : threadActions())
        a->setEnabled(enabled);
    const bool resolved = current.data(ThreadListModel::StatusRole).toString() == u"resolved";
    m_resolve->setText(resolved ? tr("Reopen") : tr("Resolve"));
    m_flag->setText(current.data(ThreadListModel::FlaggedRole).toBool() ? tr("Unflag")
                                                                        : tr("Flag"));
}

void InboxActions::showSnoozeMenu()
{
    if (!m_snooze->isEnabled())
        return;
    const QRect rect = m_list->visualRect(m_list->currentIndex());
    m_snoozeMenu->popup(m_list->viewport()->mapToGlobal(rect.center()));
}

void InboxActions::snoozeFor(const std::optional<QDateTime> &until)
{
    run([this, until](qint64 account, qint64 thread) {
        const auto done = [this](const CommandResult &r) { answered(r.error); };
        if (until)
            m_commands->snooze(account, thread, until->toMSecsSinceEpoch(), this, done);
        else
            m_commands->unsnooze(account, thread, this, done);
    });
}

void InboxActions::run(const Command &command)
{
    const qint64 thread = m_list->currentThreadId();
    const qint64 account = m_model->accountId();
    if (!m_commands || thread == 0 || account == 0)
        return;
    command(account, thread);
}

void InboxActions::answered(const QString &error)
{
    if (error.isEmpty())
        return;
    qCWarning(lcUi) << "thread action failed:" << error;
    Q_EMIT failed(error);
}
