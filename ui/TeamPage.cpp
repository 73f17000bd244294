#include "TeamPage.h"

#include "ButtonRowTabOrder.h"
#include "ChangeFeed.h"
#include "CommandResult.h"
#include "StoreReader.h"
#include "TeamCommands.h"
#include "TeamKeysBox.h"
#include "TeamRoles.h"
#include "TeamStateRows.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

const QStringList Roles{u"agent"_s, u"marketer"_s, u"admin"_s};

std::optional<TeamPage::InviteAnswer> askInvite(QWidget *parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(TeamPage::tr("Invite someone"));
    auto *name = new QLineEdit;
    auto *role = new QComboBox;
    for (const QString &r : Roles)
        role->addItem(TeamRoles::title(r), r);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    ButtonRowTabOrder::follow(buttons);
    auto *form = new QFormLayout(&dialog);
    form->addRow(TeamPage::tr("Name:"), name);
    form->addRow(TeamPage::tr("Role:"), role);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return TeamPage::InviteAnswer{name->text().trimmed(), role->currentData().toString()};
}

QString lastSeenText(const TeamRosterRows::Member &m)
{
    if (m.invited)
        return TeamPage::tr("Invited, not joined yet");
    const qint64 at = m.lastSeenAt > 0 ? m.lastSeenAt : m.joinedAt;
    const QString when =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(at).toLocalTime(), QLocale::ShortFormat);
    return m.lastDesk.isEmpty() ? when
                                : TeamPage::tr("%1 · desktop %2").arg(when, m.lastDesk.left(8));
}

} // namespace

TeamPage::TeamPage(const StoreReader &reader, ChangeFeed *changes, TeamCommands *commands,
                   std::function<ProviderClient *()> provider, qint64 accountId, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(commands)
    , m_accountId(accountId)
    , m_whoAmI(new QLabel)
    , m_join(new QPushButton(tr("Join the team…")))
    , m_roster(new QTableWidget(0, 3))
    , m_adminBar(new QWidget)
    , m_inviteText(new QPlainTextEdit)
    , m_status(new QLabel)
    , m_keys(new TeamKeysBox(std::move(provider)))
    , m_invitePrompt(askInvite)
    , m_rolePrompt([](QWidget *parent, const TeamRosterRows::Member &m) {
        QStringList titles;
        for (const QString &r : Roles)
            titles << TeamRoles::title(r);
        bool ok = false;
        const QString title =
            QInputDialog::getItem(parent, tr("Change role"), tr("Role of %1:").arg(m.name), titles,
                                  int(Roles.indexOf(m.role)), false, &ok);
        return ok ? Roles.value(titles.indexOf(title)) : QString();
    })
    , m_confirm([](QWidget *parent, const QString &question) {
        return QMessageBox::question(parent, tr("Team"), question) == QMessageBox::Yes;
    })
{
    setObjectName(u"teamPage"_s);
    auto *title = new QLabel(tr("Team"));
    title->setObjectName(u"pageTitle"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_whoAmI->setObjectName(u"teamWhoAmI"_s);
    m_whoAmI->setWordWrap(true);
    m_join->setObjectName(u"teamJoin"_s);
    m_roster->setObjectName(u"teamRoster"_s);
    m_roster->setAccessibleName(tr("Team members"));
    m_roster->setHorizontalHeaderLabels({tr("Name"), tr("Role"), tr("Last seen")});
    m_roster->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_roster->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_roster->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_roster->verticalHeader()->hide();
    m_roster->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_roster->setSelectionMode(QAbstractItemView::SingleSelection);
    m_roster->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *inviteButton = new QPushButton(tr("Invite…"));
    inviteButton->setObjectName(u"teamInvite"_s);
    auto *roleButton = new QPushButton(tr("Change role…"));
    roleButton->setObjectName(u"teamChangeRole"_s);
    auto *removeButton = new QPushButton(tr("Remove"));
    removeButton->setObjectName(u"teamRemove"_s);
    auto *keyButton = new QPushButton(tr("Create API key"));
    keyButton->setObjectName(u"teamCreateKey"_s);
    keyButton->setToolTip(tr("A Twilio API key for the selected person (revocable)"));
    auto *bar = new QHBoxLayout(m_adminBar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(inviteButton);
    bar->addWidget(roleButton);
    bar->addWidget(removeButton);
    bar->addStretch();
    bar->addWidget(keyButton);

    m_inviteText->setObjectName(u"teamInviteText"_s);
    m_inviteText->setReadOnly(true);
    m_inviteText->setWordWrapMode(QTextOption::WrapAnywhere); // one long token: wrap it anywhere
    m_inviteText->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_inviteText->setFixedHeight(64);
    m_inviteText->hide();
    m_status->setObjectName(u"teamStatus"_s);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(title);
    auto *me = new QHBoxLayout;
    me->addWidget(m_whoAmI, 1);
    me->addWidget(m_join);
    layout->addLayout(me);
    layout->addWidget(m_roster, 1);
    layout->addWidget(m_adminBar);
    layout->addWidget(m_inviteText);
    layout->addWidget(m_status);
    layout->addWidget(m_keys);

    connect(m_join, &QPushButton::clicked, this, &TeamPage::joinRequested);
    connect(inviteButton, &QPushButton::clicked, this, &TeamPage::invite);
    connect(roleButton, &QPushButton::clicked, this, &TeamPage::changeRoleOfSelected);
    connect(removeButton, &QPushButton::clicked, this, &TeamPage::removeSelected);
    connect(keyButton, &QPushButton::clicked, this, &TeamPage::createKeyForSelected);
    connect(changes, &ChangeFeed::changed, this, &TeamPage::onChanges);
    reload();
}

void TeamPage::onChanges(const ChangeSet &changes)
{
    if (changes.touches(ChangeSet::Table::TeamAgents))
        reload();
}

void TeamPage::reload()
{
    const auto state = m_reader.make<TeamStateRows>().state(m_accountId);
    m_myAgentId = state ? state->agentId : QString();
    m_myRole = state ? state->role : QString();
    if (!state)
        m_whoAmI->setText(tr("This desktop has not joined the account's team: it works alone, "
                             "and teammates do not see what is decided here."));
    else
        m_whoAmI->setText(tr("You are <b>%1</b>, %2. %3")
                              .arg(state->agentName.toHtmlEscaped(),
                                   TeamRoles::title(state->role).toLower(),
                                   TeamRoles::description(state->role)));
    m_join->setVisible(!state);
    const bool admin = TeamRoles::managesTeam(m_myRole);
    m_adminBar->setVisible(admin);
    m_keys->setVisible(admin);

    auto rows = m_reader.make<TeamRosterRows>();
    m_members = rows.list(m_accountId).value_or(QList<TeamRosterRows::Member>{});
    m_roster->setRowCount(0);
    for (const TeamRosterRows::Member &m : std::as_const(m_members)) {
        const int row = m_roster->rowCount();
        m_roster->insertRow(row);
        const QString name = m.agentId == m_myAgentId ? tr("%1 (you)").arg(m.name) : m.name;
        m_roster->setItem(row, 0, new QTableWidgetItem(name));
        m_roster->setItem(row, 1, new QTableWidgetItem(TeamRoles::title(m.role)));
        m_roster->setItem(row, 2, new QTableWidgetItem(lastSeenText(m)));
        if (m.invited) {
            for (int c = 0; c < 3; ++c)
                m_roster->item(row, c)->setForeground(QColor(0x6b, 0x72, 0x80));
        }
    }
}

QString TeamPage::agentAt(int row) const
{
    return row >= 0 && row < m_members.size() ? m_members.at(row).agentId : QString();
}

std::optional<TeamRosterRows::Member> TeamPage::selected() const
{
    const int row = m_roster->currentRow();
    if (row < 0 || row >= m_members.size())
        return std::nullopt;
    return m_members.at(row);
}

void TeamPage::answered(const QString &error)
{
    m_status->setText(error);
    m_status->setStyleSheet(error.isEmpty() ? QString() : u"color: #b91c1c;"_s);
    Q_EMIT commandFinished(error.isEmpty());
}

void TeamPage::invite()
{
    const auto answer = m_invitePrompt(this);
    if (!answer)
        return;
    m_commands->invite(m_accountId, answer->name, answer->role, this,
                       [this, answer](const CommandResult &result, const TeamInvite &invite) {
                           if (!result.ok)
                               return answered(result.error);
                           m_inviteText->setPlainText(invite.toText());
                           m_inviteText->show();
                           answered({});
                           m_status->setText(
                               tr("Give %1 this invitation: pasted into their desktop's "
                                  "\"Join the team\", it makes them %2.")
                                   .arg(answer->name, TeamRoles::title(answer->role).toLower()));
                       });
}

void TeamPage::changeRoleOfSelected()
{
    const auto member = selected();
    if (!member)
        return answered(tr("Select a member first."));
    const QString role = m_rolePrompt(this, *member);
    if (role.isEmpty() || role == member->role)
        return;
    m_commands->setRole(m_accountId, member->agentId, role, this,
                        [this](const CommandResult &result) { answered(result.error); });
}

void TeamPage::removeSelected()
{
    const auto member = selected();
    if (!member)
        return answered(tr("Select a member first."));
    if (!m_confirm(this, tr("Remove %1 from the team? Their desktop keeps working alone; revoke "
                            "their API key too so the provider refuses them.")
                             .arg(member->name)))
        return;
    m_commands->remove(m_accountId, member->agentId, this,
                       [this](const CommandResult &result) { answered(result.error); });
}

void TeamPage::createKeyForSelected()
{
    const auto member = selected();
    if (!member)
        return answered(tr("Select the person the key is for."));
    m_keys->createFor(member->name);
}
