// Adds or edits an account: checks what the admin typed, tests the credentials against the
// provider, and saves the row (endpoints, SID) in the profile and the Auth Token, or a person's
// API key (SK… and secret, revocable by an admin), in the OS keychain. Without a keychain, nothing
// is kept unless the admin opts into a session-only token; it is never written to a file.
#pragma once

#include "AccountConfig.h"
#include "ApiKeyCredentials.h"
#include "ProviderError.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QNetworkAccessManager;
class SecretStore;
class StoreWriter;
class TwilioClient;

class AccountSetup : public QObject
{
    Q_OBJECT

public:
    AccountSetup(StoreWriter *writer, SecretStore *secrets, QObject *parent = nullptr);
    ~AccountSetup() override;

    // Every problem with what was typed, in sentences; empty when it can be tested or saved.
    static QStringList problems(const AccountConfig &config, const QString &authToken);

    // The same for an API key instead of the Auth Token.
    static QStringList problems(const AccountConfig &config, const ApiKeyCredentials &key);

    // Asks the provider for the account (answers with tested()).
    void testConnection(const AccountConfig &config, const QString &authToken);
    void testConnection(const AccountConfig &config, const ApiKeyCredentials &key);
    // Saves the account (a new one, or `accountId` when editing) and its token; answers with
    // saved() or saveFailed().
    void save(const AccountConfig &config, const QString &authToken, qint64 accountId = 0);
    // Saves the account with a person's API key; the desktop then signs in with the key, and
    // an Auth Token kept here before is removed from the keychain (and the other way round).
    void save(const AccountConfig &config, const ApiKeyCredentials &key, qint64 accountId = 0);

    // The admin accepted that the token lives only in memory until SMS Desk quits.
    void allowSessionOnlyToken();

Q_SIGNALS:
    void tested(bool ok, const QString &message);
    // sessionOnly: the token is kept in memory only (no keychain, opted in).
    void saved(qint64 accountId, bool sessionOnly);
    // noKeychain: the keychain is missing; offer the session-only opt-in and save again.
    void saveFailed(const QString &message, bool noKeychain);

private:
    void probe(std::unique_ptr<TwilioClient> client);
    // Stores the row, then `secret` under the account's keychain entry `name`, and removes
    // its entry `other`.
    void store(const AccountConfig &config, qint64 accountId, QStringView name,
               const QString &secret, QStringView other, const QString &what);

    StoreWriter *m_writer;
    SecretStore *m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TwilioClient> m_probe; // the client of the running test
};
