// The screens that belong to one account besides the inbox: Contacts (audience and CSV
// import), Campaigns (campaigns, templates), Numbers & Keywords (with the audit log) and
// Reports. They are built for the account shown and built anew when it changes, so nothing of
// another account can linger.
#pragma once

#include "TeamPermissions.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class CampaignRunner;
class MainWindow;
class QWidget;
class RoleGate;
class TemplateEditorPage;
class ProviderClient;
class StoreReader;
class StoreWriter;

class AccountPages : public QObject
{
    Q_OBJECT

public:
    // reader: the store's reader of this thread, which must outlive the pages.
    AccountPages(MainWindow *window, const StoreReader &reader, StoreWriter *writer,
                 const QString &me, QObject *parent = nullptr);

    // Replaces the pages with ones for `accountId`; `runner` is the account's campaign runner
    // when it is connected, else null (campaigns can be edited, not sent).
    void show(qint64 accountId, CampaignRunner *runner);
    // This desktop's agent joined the team under a roster name: pages built from now on record
    // changes as theirs.
    void setMe(const QString &me) { m_me = me; }
    // Who this desktop is and its team role ('' when not in a team): pages built from now on
    // record changes as theirs, and every page's actions follow the role (disabled, naming the
    // role needed, where it may not act), those already built too.
    void setIdentity(const QString &me, const QString &role);
    // The connected account's provider client, for the Messaging Services tab (null: not
    // connected).
    void setProviderSource(std::function<ProviderClient *()> source)
    {
        m_provider = std::move(source);
    }
    // Puts empty states in place (before the account's runner goes away).
    void clear();

private:
    QWidget *contactsPage(qint64 accountId);
    QWidget *campaignsPage(qint64 accountId, CampaignRunner *runner);
    QWidget *numbersPage(qint64 accountId);
    // Gates the push buttons under `root` by `area` for the current role, now and later.
    void gate(QWidget *root, TeamPermissions::Area area);

    MainWindow *m_window;
    const StoreReader &m_reader;
    StoreWriter *m_writer;
    QString m_me;
    QString m_role;
    QList<QPointer<RoleGate>> m_gates;
    QList<QPointer<TemplateEditorPage>> m_templatePages;
    std::function<ProviderClient *()> m_provider;
};
