// The Team page of an account: who works its inbox (name, role, invited or active, when and
// from which desktop last heard of), and for admins the roster's changes (invite, change role,
// remove) and per-person API keys. A desktop that has not joined the team is offered to join.
// Reads through the store's reader and follows the change feed; changes go through
// TeamCommands (team ops, shared with every desktop).
#pragma once

#include "TeamRosterRows.h"

#include <QWidget>

#include <functional>
#include <optional>

class ChangeFeed;
class ChangeSet;
class ProviderClient;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class StoreReader;
class TeamCommands;
class TeamKeysBox;

class TeamPage : public QWidget
{
    Q_OBJECT

public:
    struct InviteAnswer
    {
        QString name;
        QString role;
    };
    // Tests replace the questions the page asks.
    using InvitePrompt = std::function<std::optional<InviteAnswer>(QWidget *)>;
    using RolePrompt = std::function<QString(QWidget *, const TeamRosterRows::Member &)>;
    using ConfirmPrompt = std::function<bool(QWidget *, const QString &question)>;

    TeamPage(const StoreReader &reader, ChangeFeed *changes, TeamCommands *commands,
             std::function<ProviderClient *()> provider, qint64 accountId,
             QWidget *parent = nullptr);

    QTableWidget *roster() const { return m_roster; }
    TeamKeysBox *keysBox() const { return m_keys; }
    QPlainTextEdit *inviteText() const { return m_inviteText; }
    // The roster id of the member on `row` of the roster table.
    QString agentAt(int row) const;
    void setInvitePrompt(InvitePrompt prompt) { m_invitePrompt = std::move(prompt); }
    void setRolePrompt(RolePrompt prompt) { m_rolePrompt = std::move(prompt); }
    void setConfirmPrompt(ConfirmPrompt prompt) { m_confirm = std::move(prompt); }

public Q_SLOTS:
    void reload();
    void invite();
    void changeRoleOfSelected();
    void removeSelected();
    void createKeyForSelected();

Q_SIGNALS:
    // "Join the team…" on a desktop that has not joined.
    void joinRequested();
    // A command finished (ok or refused, the page shows why): tests wait on it.
    void commandFinished(bool ok);

private:
    std::optional<TeamRosterRows::Member> selected() const;
    void answered(const QString &error);
    void onChanges(const ChangeSet &changes);

    const StoreReader &m_reader;
    TeamCommands *m_commands;
    qint64 m_accountId;
    QString m_myAgentId;
    QString m_myRole;
    QList<TeamRosterRows::Member> m_members;
    QLabel *m_whoAmI;
    QPushButton *m_join;
    QTableWidget *m_roster;
    QWidget *m_adminBar;
    QPlainTextEdit *m_inviteText;
    QLabel *m_status;
    TeamKeysBox *m_keys;
    InvitePrompt m_invitePrompt;
    RolePrompt m_rolePrompt;
    ConfirmPrompt m_confirm;
};
