// Keeps secrets (Auth Tokens) in the OS keychain through QtKeychain: asynchronous read,
// write and remove, one keychain job at a time. Never a file, never QSettings; an in-memory,
// session-only fallback exists only when explicitly enabled.
#pragma once

#include "SecretResult.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace QKeychain {
class Job;
}

class SecretStore : public QObject
{
    Q_OBJECT

public:
    static QString defaultServiceName(); // "SMS Desk"
    // The key of one of an account's secrets ("auth-token"; API keys later):
    // "profile/<profile UUID>/account/<Account SID>/<name>". Row ids repeat across profiles,
    // so neither is part of it.
    static QString accountKey(const QString &profileUuid, const QString &accountSid,
                              QStringView name);
    // accountKey(profileUuid, accountSid, "auth-token").
    static QString authTokenKey(const QString &profileUuid, const QString &accountSid);
    // accountKey(profileUuid, accountSid, "api-key"): a person's API key ("SK…:secret"), used
    // instead of the Auth Token when present.
    static QString apiKeyKey(const QString &profileUuid, const QString &accountSid);
    // Where tokens were kept before: "account/<row id>/auth-token". Read only to migrate.
    static QString legacyAuthTokenKey(qint64 accountId);

    explicit SecretStore(QObject *parent = nullptr);
    // Tests pass their own service name so they never touch the real entries.
    explicit SecretStore(const QString &serviceName, QObject *parent = nullptr);
    ~SecretStore() override;

    QString serviceName() const { return m_serviceName; }

    // When no keychain is available, keep secrets in this process's memory instead of
    // failing (results then have sessionOnly set). Off by default; the user opts in.
    void setSessionOnlyFallback(bool enabled);
    bool sessionOnlyFallback() const { return m_sessionOnlyFallback; }

    // `context` must not be null; its destruction cancels the callback, not the operation.
    void read(const QString &key, QObject *context, SecretCallback done);
    void write(const QString &key, const QString &secret, QObject *context, SecretCallback done);
    // Removing a key that holds nothing succeeds.
    void remove(const QString &key, QObject *context, SecretCallback done);
    // Reads `key`; when it holds nothing but `legacyKey` does, moves that secret to `key`
    // (write the new entry, then delete the old one) and answers with it. A failed move
    // still answers with the secret and leaves the old entry for the next try.
    void readMigrating(const QString &key, const QString &legacyKey, QObject *context,
                       SecretCallback done);

    // Operations queued or running.
    int pendingCount() const;

private:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };

    struct Request
    {
        Operation operation = Operation::Read;
        QString key;
        QString secret;
        QPointer<QObject> context;
        SecretCallback done;
    };

    void enqueue(Request request);
    void moveLegacy(const QString &key, const QString &legacyKey, const SecretResult &notFound,
                    QObject *context, SecretCallback done);
    void later(QObject *context, std::function<void()> step);
    void startNext();
    void jobFinished(QKeychain::Job *job);
    SecretResult resultOf(QKeychain::Job *job, const Request &request);
    SecretResult fromSessionMemory(const Request &request, const SecretError &keychainError);

    QString m_serviceName;
    bool m_sessionOnlyFallback = false;
    QList<Request> m_queue;
    bool m_running = false;
    Request m_current;
    QHash<QString, QString> m_sessionSecrets;
};
