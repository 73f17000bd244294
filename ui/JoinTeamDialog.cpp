#include "JoinTeamDialog.h"

#include "ButtonRowTabOrder.h"
#include "CommandResult.h"
#include "TeamCommands.h"
#include "TeamInvite.h"
#include "TeamRoles.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

JoinTeamDialog::JoinTeamDialog(TeamCommands *commands, qint64 accountId, const QString &accountName,
                               QWidget *parent)
    : QDialog(parent)
    , m_commands(commands)
    , m_accountId(accountId)
    , m_tabs(new QTabWidget)
    , m_name(new QLineEdit)
    , m_role(new QComboBox)
    , m_roleHelp(new QLabel)
    , m_invite(new QPlainTextEdit)
    , m_invitePreview(new QLabel)
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox)
{
    setObjectName(u"joinTeamDialog"_s);
    setWindowTitle(tr("Join the team"));
    setMinimumWidth(480);

    auto *intro = new QLabel(
        tr("Everyone who works the inbox of <b>%1</b> shares what they decide: who handles a "
           "conversation, notes, unsubscribes. Tell your teammates who you are.")
            .arg(accountName.toHtmlEscaped()));
    intro->setWordWrap(true);

    // Never a default taken from the computer's login: the roster shows this name to everyone.
    m_name->setObjectName(u"joinName"_s);
    m_name->setPlaceholderText(tr("e.g. Ana Lee"));
    m_role->setObjectName(u"joinRole"_s);
    for (const QString &role : {u"agent"_s, u"marketer"_s, u"admin"_s})
        m_role->addItem(TeamRoles::title(role), role);
    m_roleHelp->setObjectName(u"joinRoleHelp"_s);
    m_roleHelp->setWordWrap(true);
    m_roleHelp->setProperty("muted", true);
    auto *own = new QWidget;
    auto *form = new QFormLayout(own);
    form->addRow(tr("Your name:"), m_name);
    form->addRow(tr("Role:"), m_role);
    form->addRow(QString(), m_roleHelp);

    m_invite->setObjectName(u"joinInvite"_s);
    m_invite->setAccessibleName(tr("Invitation"));
    m_invite->setPlaceholderText(tr("Paste the invitation an admin gave you (smsdesk-invite:…)"));
    m_invite->setFixedHeight(70);
    m_invitePreview->setObjectName(u"joinInvitePreview"_s);
    m_invitePreview->setWordWrap(true);
    auto *invited = new QWidget;
    auto *inviteLayout = new QVBoxLayout(invited);
    inviteLayout->addWidget(m_invite);
    inviteLayout->addWidget(m_invitePreview);
    inviteLayout->addStretch();

    m_tabs->setObjectName(u"joinTabs"_s);
    m_tabs->addTab(own, tr("I'm new to the team"));
    m_tabs->addTab(invited, tr("I have an invitation"));

    m_error->setObjectName(u"joinError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b91c1c;"_s);
    m_error->hide();

    QPushButton *joinButton = m_buttons->addButton(tr("Join"), QDialogButtonBox::AcceptRole);
    joinButton->setObjectName(u"joinButton"_s);
    joinButton->setDefault(true);
    QPushButton *later = m_buttons->addButton(tr("Not now"), QDialogButtonBox::RejectRole);
    ButtonRowTabOrder::follow(m_buttons);
    later->setObjectName(u"joinLater"_s);
    connect(joinButton, &QPushButton::clicked, this, &JoinTeamDialog::join);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &JoinTeamDialog::refresh);
    connect(m_role, &QComboBox::currentIndexChanged, this, &JoinTeamDialog::refresh);
    connect(m_invite, &QPlainTextEdit::textChanged, this, &JoinTeamDialog::refresh);
    connect(m_tabs, &QTabWidget::currentChanged, this, &JoinTeamDialog::refresh);
    refresh();
}

void JoinTeamDialog::refresh()
{
    m_error->hide();
    const QString role = m_role->currentData().toString();
    m_roleHelp->setText(TeamRoles::description(role));
    const auto invite = TeamInvite::fromText(m_invite->toPlainText());
    if (m_invite->toPlainText().trimmed().isEmpty())
        m_invitePreview->setText({});
    else if (!invite)
        m_invitePreview->setText(tr("This is not an SMS Desk invitation."));
    else
        m_invitePreview->setText(
            tr("You will join as <b>%1</b>, %2, as the admin chose.")
                .arg(invite->name.toHtmlEscaped(), TeamRoles::title(invite->role).toLower()));
    const bool ready = m_tabs->currentIndex() == 0
                           ? TeamCommands::joinProblem(m_name->text(), role).isEmpty()
                           : invite.has_value();
    if (auto *button = m_buttons->findChild<QPushButton *>(u"joinButton"_s))
        button->setEnabled(ready && !m_busy);
}

void JoinTeamDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->show();
}

void JoinTeamDialog::join()
{
    if (m_busy)
        return;
    const bool byInvite = m_tabs->currentIndex() == 1;
    const auto invite = TeamInvite::fromText(m_invite->toPlainText());
    const QString name = byInvite && invite ? invite->name : m_name->text().trimmed();
    const QString role = byInvite && invite ? invite->role : m_role->currentData().toString();
    auto done = [this, name, role](const CommandResult &result) {
        m_busy = false;
        refresh();
        if (!result.ok) {
            showError(result.error);
            return;
        }
        m_joinedName = name;
        m_joinedRole = role;
        accept();
    };
    m_busy = true;
    refresh();
    if (byInvite)
        m_commands->joinWithInvite(m_accountId, m_invite->toPlainText(), this, done);
    else
        m_commands->join(m_accountId, name, role, this, done);
}
