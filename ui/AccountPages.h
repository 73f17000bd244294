// The screens that belong to one account besides the inbox: Contacts (audience and CSV
// import), Campaigns (campaigns, templates), Numbers & Keywords (with the audit log) and
// Reports. They are built for the account shown and built anew when it changes, so nothing of
// another account can linger.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class CampaignRunner;
class MainWindow;
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

    MainWindow *m_window;
    const StoreReader &m_reader;
    StoreWriter *m_writer;
    QString m_me;
    std::function<ProviderClient *()> m_provider;
};
