// "Join this account's team": who you are to your teammates. Either a display name and a role
// of your own choosing (nothing is filled in for you), or an admin's invitation pasted in, which
// carries the name and role the admin chose. Joining goes through TeamCommands; the dialog
// closes once it is recorded and says why when it is refused.
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class TeamCommands;

class JoinTeamDialog : public QDialog
{
    Q_OBJECT

public:
    // commands: not owned, must outlive the dialog.
    JoinTeamDialog(TeamCommands *commands, qint64 accountId, const QString &accountName,
                   QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleBox() const { return m_role; }
    QPlainTextEdit *inviteEdit() const { return m_invite; }
    QTabWidget *tabs() const { return m_tabs; }
    // Starts the join (the Join button); accepted once it is recorded.
    void join();
    // The name and role this desktop joined as (after accepted()).
    QString joinedName() const { return m_joinedName; }
    QString joinedRole() const { return m_joinedRole; }

private:
    void refresh();
    void showError(const QString &error);

    TeamCommands *m_commands;
    qint64 m_accountId;
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QComboBox *m_role;
    QLabel *m_roleHelp;
    QPlainTextEdit *m_invite;
    QLabel *m_invitePreview;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QString m_joinedName;
    QString m_joinedRole;
    bool m_busy = false;
};
