#include "AccountSetupDialog.h"

#include "AccountSetup.h"
#include "ButtonRowTabOrder.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AccountSetupDialog::AccountSetupDialog(AccountSetup *setup, const AccountRows::Row &existing,
                                       QWidget *parent)
    : QDialog(parent)
    , m_setup(setup)
    , m_existingId(existing.id)
    , m_name(new QLineEdit(existing.name, this))
    , m_sid(new QLineEdit(existing.providerSid, this))
    , m_method(new QComboBox(this))
    , m_keySid(new QLineEdit(this))
    , m_keySidLabel(new QLabel(tr("API key SID"), this))
    , m_tokenLabel(new QLabel(tr("Auth Token"), this))
    , m_token(new QLineEdit(this))
    , m_baseUrl(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_test(new QPushButton(tr("Test connection"), this))
    , m_save(new QPushButton(tr("Save"), this))
{
    setWindowTitle(existing.id > 0 ? tr("Account credentials") : tr("Add account"));
    setMinimumWidth(520);
    m_name->setPlaceholderText(tr("The business this account texts for"));
    m_sid->setPlaceholderText(u"AC…"_s);
    m_method->setObjectName(u"accountSignIn"_s);
    m_method->addItem(tr("Auth Token (the account's owner)"));
    m_method->addItem(tr("My API key (SK…, from an admin)"));
    m_keySid->setObjectName(u"accountKeySid"_s);
    m_keySid->setPlaceholderText(u"SK…"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Kept in the system keychain, never on disk"));
    const AccountConfig stored = AccountConfig::fromRow(existing);
    m_baseUrl->setText(stored.apiBaseUrl.toString());
    m_baseUrl->setToolTip(tr("The provider's API address. Change it only for a sandbox or a "
                             "proxy; any host other than this computer must use https."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Account name"), m_name);
    form->addRow(tr("Account SID"), m_sid);
    form->addRow(tr("Sign in with"), m_method);
    form->addRow(m_keySidLabel, m_keySid);
    form->addRow(m_tokenLabel, m_token);
    m_keySidLabel->setBuddy(m_keySid);
    m_tokenLabel->setBuddy(m_token);
    form->addRow(tr("API base URL"), m_baseUrl);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    ButtonRowTabOrder::follow(buttons);
    m_save->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    auto *row = new QHBoxLayout;
    row->addWidget(m_test);
    row->addStretch();
    row->addWidget(buttons);
    layout->addLayout(row);

    connect(m_method, &QComboBox::currentIndexChanged, this, &AccountSetupDialog::showMethod);
    showMethod();
    connect(m_test, &QPushButton::clicked, this, &AccountSetupDialog::testConnection);
    connect(m_save, &QPushButton::clicked, this, &AccountSetupDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_setup, &AccountSetup::tested, this, &AccountSetupDialog::onTested);
    connect(m_setup, &AccountSetup::saved, this, [this](qint64 accountId, bool sessionOnly) {
        m_savedId = accountId;
        m_sessionOnly = sessionOnly;
        accept();
    });
    connect(m_setup, &AccountSetup::saveFailed, this, &AccountSetupDialog::onSaveFailed);
}

AccountConfig AccountSetupDialog::config() const
{
    const QUrl base(m_baseUrl->text().trimmed());
    AccountConfig config;
    // Twilio's three public hosts, unless one address serves them all (a sandbox, a proxy).
    if (base != AccountConfig::defaultApiBaseUrl())
        config = AccountConfig::forSingleBaseUrl({}, {}, base);
    config.displayName = m_name->text().trimmed();
    config.accountSid = m_sid->text();
    return config;
}

QString AccountSetupDialog::authToken() const
{
    return usesApiKey() ? QString() : m_token->text();
}

bool AccountSetupDialog::usesApiKey() const
{
    return m_method->currentIndex() == 1;
}

ApiKeyCredentials AccountSetupDialog::apiKey() const
{
    return usesApiKey() ? ApiKeyCredentials{m_keySid->text().trimmed(), m_token->text()}
                        : ApiKeyCredentials{};
}

void AccountSetupDialog::showMethod()
{
    m_keySid->setVisible(usesApiKey());
    m_keySidLabel->setVisible(usesApiKey());
    m_tokenLabel->setText(usesApiKey() ? tr("Key secret") : tr("Auth Token"));
}

QStringList AccountSetupDialog::problems() const
{
    return usesApiKey() ? AccountSetup::problems(config(), apiKey())
                        : AccountSetup::problems(config(), authToken());
}

void AccountSetupDialog::showStatus(const QString &text, bool ok)
{
    m_status->setProperty("state", ok ? u"ok"_s : u"error"_s);
    m_status->setStyleSheet(ok ? u"color: #1a7f37;"_s : u"color: #c62828;"_s);
    m_status->setText(text);
}

void AccountSetupDialog::testConnection()
{
    if (const QStringList found = problems(); !found.isEmpty()) {
        showStatus(found.join(u'\n'), false);
        return;
    }
    m_test->setEnabled(false);
    showStatus(tr("Testing…"), true);
    if (usesApiKey())
        m_setup->testConnection(config(), apiKey());
    else
        m_setup->testConnection(config(), authToken());
}

void AccountSetupDialog::onTested(bool ok, const QString &message)
{
    m_test->setEnabled(true);
    if (!m_saveAfterTest) {
        showStatus(message, ok);
        return;
    }
    m_saveAfterTest = false;
    if (!ok) {
        // Credentials the provider refused are never kept: the account would sit there
        // failing every sync.
        m_save->setEnabled(true);
        showStatus(tr("Not saved: %1").arg(message), false);
        return;
    }
    showStatus(message, true);
    store();
}

void AccountSetupDialog::save()
{
    if (const QStringList found = problems(); !found.isEmpty()) {
        showStatus(found.join(u'\n'), false);
        return;
    }
    m_save->setEnabled(false);
    m_test->setEnabled(false);
    m_saveAfterTest = true;
    showStatus(tr("Checking the credentials with the provider…"), true);
    if (usesApiKey())
        m_setup->testConnection(config(), apiKey());
    else
        m_setup->testConnection(config(), authToken());
}

void AccountSetupDialog::store()
{
    m_save->setEnabled(false);
    if (usesApiKey())
        m_setup->save(config(), apiKey(), m_existingId);
    else
        m_setup->save(config(), authToken(), m_existingId);
}

void AccountSetupDialog::onSaveFailed(const QString &message, bool noKeychain)
{
    m_save->setEnabled(true);
    showStatus(message, false);
    if (noKeychain && !m_asked) {
        m_asked = true;
        Q_EMIT sessionOnlyConsentNeeded(message);
    }
}

void AccountSetupDialog::answerSessionOnly(bool allowed)
{
    if (!allowed) {
        showStatus(tr("Nothing was kept. Start a keychain (GNOME Keyring, KWallet) and save "
                      "again, or keep the token for this session only."),
                   false);
        m_asked = false;
        return;
    }
    m_setup->allowSessionOnlyToken();
    store(); // tested already: only the keychain was missing
}
