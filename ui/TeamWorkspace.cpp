#include "TeamWorkspace.h"

#include "AccountRows.h"
#include "ChangeFeed.h"
#include "DeskSession.h"
#include "JoinTeamDialog.h"
#include "MainWindow.h"
#include "ServiceStatusIndicator.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "TeamCommands.h"
#include "TeamPage.h"
#include "TeamStateRows.h"

#include <QBoxLayout>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

TeamWorkspace::TeamWorkspace(DeskSession *session, const StoreReader &reader, MainWindow *window,
                             QSettings *preferences, const QString &soloName, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_reader(reader)
    , m_window(window)
    , m_preferences(preferences)
    , m_soloName(soloName)
    , m_commands(std::make_unique<TeamCommands>(session->writer(), soloName))
{
    // A role changed or a member joined on any desktop: who I am and what I may open follow.
    connect(session->writer()->changes(), &ChangeFeed::changed, this,
            [this](const ChangeSet &changes) {
                if (changes.touches(ChangeSet::Table::TeamAgents))
                    Q_EMIT identityChanged();
            });
}

TeamWorkspace::~TeamWorkspace() = default;

TeamWorkspace::Identity TeamWorkspace::identity(qint64 accountId) const
{
    const auto state =
        accountId > 0 ? m_reader.make<TeamStateRows>().state(accountId) : std::nullopt;
    // Until the join is applied the roster has no name for us: keep the solo one.
    return {state && !state->agentName.isEmpty() ? state->agentName : m_soloName,
            state ? state->role : QString()};
}

void TeamWorkspace::showAccount(qint64 accountId)
{
    m_accountId = accountId;
    m_page = new TeamPage(
        m_reader, m_session->writer()->changes(), m_commands.get(),
        [session = m_session] { return session->provider(); }, accountId);
    connect(m_page, &TeamPage::joinRequested, this, &TeamWorkspace::showJoinTeam);
    // Under the page's title: whether the team's service is live, and what it does.
    if (auto *column = qobject_cast<QBoxLayout *>(m_page->layout()))
        column->insertWidget(1, new ServiceStatusIndicator(
                                    m_session, ServiceStatusIndicator::Style::TeamPage, m_page));
    m_window->setPage(NavigationRail::Page::Team, m_page);
    offerToJoin();
}

void TeamWorkspace::setOfferToJoin(bool offer)
{
    m_offerToJoin = offer;
    offerToJoin();
}

void TeamWorkspace::offerToJoin()
{
    if (!m_offerToJoin || m_accountId <= 0 || !identity(m_accountId).role.isEmpty())
        return;
    const QString asked = u"team/joinOffered/%1"_s.arg(m_accountId);
    if (m_preferences->value(asked).toBool())
        return;
    m_preferences->setValue(asked, true);
    showJoinTeam();
}

void TeamWorkspace::showJoinTeam()
{
    if (m_accountId <= 0)
        return;
    QString name;
    for (const AccountRows::Row &row : m_reader.make<AccountRows>().list())
        name = row.id == m_accountId ? row.name : name;
    auto *dialog = new JoinTeamDialog(m_commands.get(), m_accountId, name, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 account = m_accountId;
    connect(dialog, &QDialog::accepted, this, [this, account, dialog] {
        if (account != m_accountId)
            return;
        if (m_page)
            m_page->reload();
        // The log runs from now on: the join and what is decided here reach the team.
        if (m_session->accountId() == account)
            m_session->startTeamLog();
        Q_EMIT identityChanged();
        m_window->statusBar()->showMessage(tr("Joined the team as %1.").arg(dialog->joinedName()),
                                           8000);
    });
    dialog->open();
}
