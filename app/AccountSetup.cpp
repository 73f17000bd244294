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

QStringList AccountSetup::problems(const AccountConfig &config, const ApiKeyCredentials &key)
{
    QStringList result = problems(config, u"-"_s); // all but the token
    if (!ApiKeyCredentials::isKeySid(key.keySid.trimmed()))
        result.append(tr("The API key SID is SK and 32 hexadecimal digits; an admin creates one "
                         "for you on the Team page."));
    if (key.keySecret.isEmpty())
        result.append(tr("The API key secret is empty. It was shown once, when the key was "
                         "created."));
    else if (key.keySecret.trimmed() != key.keySecret)
        result.append(tr("The API key secret has spaces before or after it."));
    return result;
}

void AccountSetup::testConnection(const AccountConfig &config, const QString &authToken)
{
    const QStringList found = problems(config, authToken);
    if (!found.isEmpty()) {
        Q_EMIT tested(false, found.join(u' '));
        return;
    }
    probe(std::make_unique<TwilioClient>(m_network.get(), config, authToken));
}

void AccountSetup::testConnection(const AccountConfig &config, const ApiKeyCredentials &key)
{
    const QStringList found = problems(config, key);
    if (!found.isEmpty()) {
        Q_EMIT tested(false, found.join(u' '));
        return;
    }
    probe(std::make_unique<TwilioClient>(m_network.get(), config,
                                         ApiKeyCredentials{key.keySid.trimmed(), key.keySecret}));
}

void AccountSetup::probe(std::unique_ptr<TwilioClient> client)
{
    m_probe = std::move(client);
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
    store(config, accountId, u"auth-token", authToken, u"api-key", tr("the Auth Token"));
}

void AccountSetup::save(const AccountConfig &config, const ApiKeyCredentials &key, qint64 accountId)
{
    const QStringList found = problems(config, key);
    if (!found.isEmpty()) {
        Q_EMIT saveFailed(found.join(u' '), false);
        return;
    }
    store(config, accountId, u"api-key",
          ApiKeyCredentials{key.keySid.trimmed(), key.keySecret}.toSecret(), u"auth-token",
          tr("the API key"));
}

void AccountSetup::store(const AccountConfig &config, qint64 accountId, QStringView name,
                         const QString &secret, QStringView other, const QString &what)
{
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
        [this, secret, what,
         key = SecretStore::accountKey(m_writer->profileUuid(), config.accountSid, name),
         otherKey = SecretStore::accountKey(m_writer->profileUuid(), config.accountSid, other)](
            const Stored &stored) {
            if (stored.id <= 0) {
                Q_EMIT saveFailed(tr("Cannot save the account: %1").arg(stored.error), false);
                return;
            }
            const qint64 id = stored.id;
            m_secrets->write(
                key, secret, this, [this, id, otherKey, what](const SecretResult &result) {
                    if (result.ok()) {
                        // One way in per desktop: what this desktop signed in with before goes.
                        const bool sessionOnly = result.sessionOnly;
                        m_secrets->remove(otherKey, this,
                                          [this, id, sessionOnly](const SecretResult &) {
                                              Q_EMIT saved(id, sessionOnly);
                                          });
                        return;
                    }
                    qCWarning(lcSecrets) << "cannot keep the credentials of account" << id << ":"
                                         << result.error->message;
                    const bool noKeychain = result.error->kind == SecretError::Kind::NoKeychain;
                    Q_EMIT saveFailed(noKeychain ? tr("No keychain is available to keep %1 (%2).")
                                                       .arg(what, result.error->message)
                                                 : tr("The keychain did not keep %1: %2")
                                                       .arg(what, result.error->message),
                                      noKeychain);
                });
        });
}

void AccountSetup::allowSessionOnlyToken()
{
    m_secrets->setSessionOnlyFallback(true);
}
