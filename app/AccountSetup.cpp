#include "AccountSetup.h"

#include "AccountRows.h"
#include "AppLogging.h"
#include "SecretStore.h"
#include "StoreWriter.h"
#include "TwilioClient.h"

#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

AccountSetup::AccountSetup(StoreWriter *writer, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_secrets(secrets)
    , m_network(std::make_unique<QNetworkAccessManager>())
{}

AccountSetup::~AccountSetup()
{
    m_probe.reset(); // its replies need the network manager
}

QStringList AccountSetup::problems(const AccountConfig &config, const QString &authToken)
{
    QStringList result;
    if (config.displayName.trimmed().isEmpty())
        result.append(tr("The account needs a name, e.g. the business it texts for."));
    result.append(config.validationErrors());
    if (authToken.isEmpty())
        result.append(tr("The Auth Token is empty. It is on the provider console next to the "
                         "Account SID."));
    else if (authToken.trimmed() != authToken)
        result.append(tr("The Auth Token has spaces before or after it."));
    return result;
}

void AccountSetup::testConnection(const AccountConfig &config, const QString &authToken)
{
    const QStringList found = problems(config, authToken);
    if (!found.isEmpty()) {
        Q_EMIT tested(false, found.join(u' '));
        return;
    }
    m_probe = std::make_unique<TwilioClient>(m_network.get(), config, authToken);
    m_probe->setTimeout(std::chrono::seconds(15));
    m_probe->testConnection(this, [this](const ProviderResult<ProviderAccount> &result) {
        if (result.ok()) {
            const ProviderAccount &account = result.value();
            Q_EMIT tested(
                true, tr("Connected to %1 (%2).")
                          .arg(account.friendlyName.isEmpty() ? account.sid : account.friendlyName,
                               account.status.isEmpty() ? tr("active") : account.status));
        } else {
            Q_EMIT tested(false, result.error().displayMessage());
        }
    });
}

void AccountSetup::save(const AccountConfig &config, const QString &authToken, qint64 accountId)
{
    const QStringList found = problems(config, authToken);
    if (!found.isEmpty()) {
        Q_EMIT saveFailed(found.join(u' '), false);
        return;
    }
    struct Stored
    {
        qint64 id = 0;
        QString error;
    };
    m_writer->post(
        [config, accountId](WriterContext &context) {
            auto rows = context.repo<AccountRows>();
            const qint64 id = accountId > 0
                                  ? accountId
                                  : rows.createOrFind(config.displayName, config.accountSid);
            if (id <= 0 || !rows.updateProvider(config.toRow(id)))
                return Stored{0, rows.errorString()};
            return Stored{id, QString()};
        },
        this,
        [this, authToken, sid = config.accountSid](const Stored &stored) {
            if (stored.id <= 0) {
                Q_EMIT saveFailed(tr("Cannot save the account: %1").arg(stored.error), false);
                return;
            }
            const qint64 id = stored.id;
            m_secrets->write(
                SecretStore::authTokenKey(m_writer->profileUuid(), sid), authToken, this,
                [this, id](const SecretResult &result) {
                    if (result.ok()) {
                        Q_EMIT saved(id, result.sessionOnly);
                        return;
                    }
                    qCWarning(lcSecrets) << "cannot keep the Auth Token of account" << id << ":"
                                         << result.error->message;
                    const bool noKeychain = result.error->kind == SecretError::Kind::NoKeychain;
                    Q_EMIT saveFailed(noKeychain
                                          ? tr("No keychain is available to keep the Auth Token "
                                               "(%1).")
                                                .arg(result.error->message)
                                          : tr("The keychain did not keep the Auth Token: %1")
                                                .arg(result.error->message),
                                      noKeychain);
                });
        });
}

void AccountSetup::allowSessionOnlyToken()
{
    m_secrets->setSessionOnlyFallback(true);
}
