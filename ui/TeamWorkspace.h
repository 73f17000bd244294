// The team side of the desktop shell for the shown account: the team commands, the Team page,
// joining (offered once at an account's first showing, and from the Team page), and who this
// desktop is in the team. The shell applies the identity to the inbox, notifications and
// screens whenever identityChanged() says it may have changed.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class DeskSession;
class MainWindow;
class QSettings;
class StoreReader;
class TeamCommands;
class TeamPage;

class TeamWorkspace : public QObject
{
    Q_OBJECT

public:
    struct Identity
    {
        QString name; // the roster name once joined, else the solo name
        QString role; // '' when this desktop has not joined the account's team
    };

    // None is owned; all outlive the workspace. soloName: who this desktop is before joining.
    TeamWorkspace(DeskSession *session, const StoreReader &reader, MainWindow *window,
                  QSettings *preferences, const QString &soloName, QObject *parent = nullptr);
    ~TeamWorkspace() override;

    TeamCommands *commands() const { return m_commands.get(); }
    TeamPage *page() const { return m_page; }
    Identity identity(qint64 accountId) const;

    // Builds the Team page of the account and offers to join it (offerToJoin()).
    void showAccount(qint64 accountId);
    // On: every account shown from now on (and the one shown now) that this desktop has not
    // joined, and whose joining this desktop user was never asked about, asks to join.
    void setOfferToJoin(bool offer);
    // The join dialog for the shown account (window-modal, not blocking).
    void showJoinTeam();

Q_SIGNALS:
    // Joined here, or the roster changed (a role, a removal, a join read from the log).
    void identityChanged();

private:
    void offerToJoin();

    DeskSession *m_session;
    const StoreReader &m_reader;
    MainWindow *m_window;
    QSettings *m_preferences;
    QString m_soloName;
    std::unique_ptr<TeamCommands> m_commands;
    TeamPage *m_page = nullptr;
    qint64 m_accountId = 0;
    bool m_offerToJoin = false;
};
