#include "TeamKeysBox.h"

#include "ProviderClient.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TeamKeysBox::TeamKeysBox(ProviderSource provider, QWidget *parent)
    : QGroupBox(tr("API keys (one per person, revocable)"), parent)
    , m_provider(std::move(provider))
    , m_keys(new QTableWidget(0, 3))
    , m_revoke(new QPushButton(tr("Revoke key")))
    , m_secret(new QPlainTextEdit)
    , m_status(new QLabel)
{
    setObjectName(u"teamKeys"_s);
    m_keys->setObjectName(u"teamKeyList"_s);
    m_keys->setHorizontalHeaderLabels({tr("Key"), tr("Name"), tr("Created")});
    m_keys->horizontalHeader()->setStretchLastSection(true);
    m_keys->verticalHeader()->hide();
    m_keys->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keys->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keys->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keys->setMaximumHeight(140);
    m_revoke->setObjectName(u"teamRevokeKey"_s);
    auto *refresh = new QPushButton(tr("Refresh"));
    refresh->setObjectName(u"teamRefreshKeys"_s);
    m_secret->setObjectName(u"teamKeySecret"_s);
    m_secret->setReadOnly(true);
    m_secret->setWordWrapMode(QTextOption::WrapAnywhere);
    m_secret->setFixedHeight(64);
    m_secret->hide();
    m_status->setObjectName(u"teamKeyStatus"_s);
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(refresh);
    buttons->addStretch();
    buttons->addWidget(m_revoke);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_keys);
    layout->addLayout(buttons);
    layout->addWidget(m_secret);
    layout->addWidget(m_status);

    connect(refresh, &QPushButton::clicked, this, &TeamKeysBox::reload);
    connect(m_revoke, &QPushButton::clicked, this, &TeamKeysBox::revokeSelected);
}

QString TeamKeysBox::shownSecret() const
{
    return m_secret->isHidden() ? QString() : m_secret->property("secret").toString();
}

void TeamKeysBox::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #b91c1c;"_s : QString());
}

void TeamKeysBox::reload()
{
    ProviderClient *client = m_provider();
    if (!client) {
        showStatus(tr("Not connected to the provider: keys cannot be listed now."), true);
        Q_EMIT finished(false);
        return;
    }
    client->listApiKeys(this, [this](const ProviderResult<QList<ApiKey>> &result) {
        if (!result.ok()) {
            showStatus(tr("Cannot list the API keys: %1").arg(result.error().displayMessage()),
                       true);
            Q_EMIT finished(false);
            return;
        }
        m_keys->setRowCount(0);
        for (const ApiKey &key : result.value()) {
            const int row = m_keys->rowCount();
            m_keys->insertRow(row);
            m_keys->setItem(row, 0, new QTableWidgetItem(key.sid));
            m_keys->setItem(row, 1, new QTableWidgetItem(key.friendlyName));
            m_keys->setItem(row, 2,
                            new QTableWidgetItem(QLocale().toString(key.dateCreated.toLocalTime(),
                                                                    QLocale::ShortFormat)));
        }
        Q_EMIT finished(true);
    });
}

void TeamKeysBox::createFor(const QString &person)
{
    ProviderClient *client = m_provider();
    if (!client) {
        showStatus(tr("Not connected to the provider: no key can be created now."), true);
        Q_EMIT finished(false);
        return;
    }
    client->createApiKey(
        u"SMS Desk \u00b7 "_s + person, this,
        [this, person](const ProviderResult<NewApiKey> &result) {
            if (!result.ok()) {
                showStatus(tr("Cannot create the key: %1").arg(result.error().displayMessage()),
                           true);
                Q_EMIT finished(false);
                return;
            }
            const NewApiKey &made = result.value();
            // Shown once, here only: never logged, never stored on this desktop.
            m_secret->setProperty("secret", made.secret);
            m_secret->setPlainText(tr("Key %1\nSecret %2").arg(made.key.sid, made.secret));
            m_secret->show();
            showStatus(tr("Give %1 the key and its secret now (account setup → API key): the "
                          "secret is not shown again.")
                           .arg(person),
                       false);
            reload();
        });
}

void TeamKeysBox::revokeSelected()
{
    const int row = m_keys->currentRow();
    ProviderClient *client = m_provider();
    if (row < 0 || !client) {
        showStatus(row < 0 ? tr("Select the key to revoke.") : tr("Not connected to the provider."),
                   true);
        Q_EMIT finished(false);
        return;
    }
    const QString sid = m_keys->item(row, 0)->text();
    client->deleteApiKey(sid, this, [this, sid](const ProviderResult<ProviderDone> &result) {
        if (!result.ok()) {
            showStatus(tr("Cannot revoke %1: %2").arg(sid, result.error().displayMessage()), true);
            Q_EMIT finished(false);
            return;
        }
        m_secret->hide();
        showStatus(tr("Key %1 revoked: the provider refuses it from now on.").arg(sid), false);
        reload();
    });
}
