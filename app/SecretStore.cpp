#include "SecretStore.h"

#include "AppLogging.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

QString describe(QKeychain::Error code, const QString &detail)
{
    return detail.isEmpty() ? u"QtKeychain error %1"_s.arg(static_cast<int>(code)) : detail;
}

// QtKeychain's libsecret backend reports a missing D-Bus session, a missing Secret Service
// and a locked or absent collection all as OtherError, so OtherError means "unusable".
SecretError errorOf(QKeychain::Error code, const QString &detail, const QString &key)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return {SecretError::Kind::NotFound, u"No secret is stored for \"%1\"."_s.arg(key)};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {SecretError::Kind::AccessDenied,
                u"Access to the keychain was denied: %1"_s.arg(describe(code, detail))};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return {SecretError::Kind::NoKeychain,
                u"No keychain is available: %1. Start and unlock a Secret Service (such as "
                u"GNOME Keyring or KWallet), or allow keeping secrets for this session only."_s.arg(
                    describe(code, detail))};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoError:
        break;
    }
    return {SecretError::Kind::Failed,
            u"The keychain operation failed: %1"_s.arg(describe(code, detail))};
}

} // namespace

QString SecretStore::defaultServiceName()
{
    return u"SMS Desk"_s;
}

QString SecretStore::accountKey(const QString &profileUuid, const QString &accountSid,
                                QStringView name)
{
    return u"profile/"_s + profileUuid + u"/account/"_s + accountSid + u'/' + name;
}

QString SecretStore::authTokenKey(const QString &profileUuid, const QString &accountSid)
{
    return accountKey(profileUuid, accountSid, u"auth-token");
}

QString SecretStore::apiKeyKey(const QString &profileUuid, const QString &accountSid)
{
    return accountKey(profileUuid, accountSid, u"api-key");
}

QString SecretStore::legacyAuthTokenKey(qint64 accountId)
{
    return u"account/%1/auth-token"_s.arg(accountId);
}

SecretStore::SecretStore(QObject *parent)
    : SecretStore(defaultServiceName(), parent)
{}

SecretStore::SecretStore(const QString &serviceName, QObject *parent)
    : QObject(parent)
    , m_serviceName(serviceName)
{}

SecretStore::~SecretStore() = default;

void SecretStore::setSessionOnlyFallback(bool enabled)
{
    m_sessionOnlyFallback = enabled;
    if (!enabled && !m_sessionSecrets.isEmpty()) {
        qCInfo(lcSecrets) << "session-only secret fallback turned off; forgetting"
                          << m_sessionSecrets.size() << "secret(s) kept in memory";
        m_sessionSecrets.clear();
    }
}

void SecretStore::read(const QString &key, QObject *context, SecretCallback done)
{
    enqueue({Operation::Read, key, {}, context, std::move(done)});
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context,
                        SecretCallback done)
{
    enqueue({Operation::Write, key, secret, context, std::move(done)});
}

void SecretStore::remove(const QString &key, QObject *context, SecretCallback done)
{
    enqueue({Operation::Remove, key, {}, context, std::move(done)});
}

void SecretStore::readMigrating(const QString &key, const QString &legacyKey, QObject *context,
                                SecretCallback done)
{
    read(key, context,
         [this, key, legacyKey, context, done = std::move(done)](const SecretResult &result) {
             if (result.ok() || result.error->kind != SecretError::Kind::NotFound) {
                 done(result);
                 return;
             }
             later(context, [=, this] { moveLegacy(key, legacyKey, result, context, done); });
         });
}

void SecretStore::moveLegacy(const QString &key, const QString &legacyKey,
                             const SecretResult &notFound, QObject *context, SecretCallback done)
{
    read(legacyKey, context, [=, this](const SecretResult &legacy) {
        if (!legacy.ok()) {
            done(notFound);
            return;
        }
        later(context, [=, this] {
            write(key, legacy.secret, context, [=, this](const SecretResult &written) {
                if (!written.ok()) {
                    qCWarning(lcSecrets).noquote() << "cannot move the secret of" << legacyKey
                                                   << "to" << key << ":" << written.error->message;
                    done(legacy);
                    return;
                }
                later(context, [=, this] {
                    remove(legacyKey, context, [=](const SecretResult &removed) {
                        if (removed.ok())
                            qCInfo(lcSecrets).noquote()
                                << "moved the secret of" << legacyKey << "to" << key;
                        else
                            qCWarning(lcSecrets).noquote()
                                << "moved the secret of" << legacyKey << "to" << key
                                << "but cannot delete the old entry:" << removed.error->message;
                        SecretResult answer = legacy;
                        answer.sessionOnly = written.sessionOnly;
                        done(answer);
                    });
                });
            });
        });
    });
}

void SecretStore::later(QObject *context, std::function<void()> step)
{
    // A keychain job cannot start another from its finished signal: the next step of a chain
    // runs from the event loop, and only while this store and the caller's context live.
    QTimer::singleShot(0, this, [guard = QPointer<QObject>(context), step = std::move(step)] {
        if (guard)
            step();
    });
}

int SecretStore::pendingCount() const
{
    return static_cast<int>(m_queue.size()) + (m_running ? 1 : 0);
}

void SecretStore::enqueue(Request request)
{
    Q_ASSERT(request.context);
    QString inputError;
    if (request.key.isEmpty()) {
        inputError = u"A secret needs a key."_s;
    } else if (request.operation == Operation::Write && request.secret.isEmpty()) {
        inputError = u"Refusing to store an empty secret for \"%1\"."_s.arg(request.key);
    }
    if (!inputError.isEmpty()) {
        SecretResult result;
        result.error = SecretError{SecretError::Kind::Failed, inputError};
        QTimer::singleShot(0, request.context.data(),
                           [done = std::move(request.done), result] { done(result); });
        return;
    }
    m_queue.append(std::move(request));
    startNext();
}

void SecretStore::startNext()
{
    if (m_running || m_queue.isEmpty()) {
        return;
    }
    m_running = true;
    m_current = m_queue.takeFirst();

    QKeychain::Job *job = nullptr;
    switch (m_current.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName, this);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_serviceName, this);
        writeJob->setTextData(m_current.secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName, this);
        break;
    }
    // A plaintext file is never an acceptable place for a token.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(m_current.key);
    connect(job, &QKeychain::Job::finished, this, &SecretStore::jobFinished);
    job->start();
}

void SecretStore::jobFinished(QKeychain::Job *job)
{
    Request request = std::move(m_current);
    m_current = {};
    m_running = false;
    const SecretResult result = resultOf(job, request);
    // A job cannot start another from its finished signal: start the next one later.
    QTimer::singleShot(0, this, &SecretStore::startNext);
    if (request.context) {
        request.done(result);
    }
}

SecretResult SecretStore::resultOf(QKeychain::Job *job, const Request &request)
{
    const QKeychain::Error code = job->error();
    SecretResult result;
    if (code == QKeychain::NoError) {
        if (request.operation == Operation::Read) {
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        } else {
            // The keychain now holds the truth; a session copy would only go stale.
            m_sessionSecrets.remove(request.key);
        }
        return result;
    }
    const SecretError error = errorOf(code, job->errorString(), request.key);
    if (error.kind == SecretError::Kind::NoKeychain && m_sessionOnlyFallback) {
        return fromSessionMemory(request, error);
    }
    if (error.kind != SecretError::Kind::NotFound) {
        qCWarning(lcSecrets).noquote()
            << "keychain operation on" << request.key << "failed:" << error.message;
    }
    result.error = error;
    return result;
}

SecretResult SecretStore::fromSessionMemory(const Request &request,
                                            const SecretError &keychainError)
{
    SecretResult result;
    result.sessionOnly = true;
    switch (request.operation) {
    case Operation::Read: {
        const auto it = m_sessionSecrets.constFind(request.key);
        if (it == m_sessionSecrets.cend()) {
            result.error = SecretError{SecretError::Kind::NotFound,
                                       u"No secret is kept for \"%1\" in this session (%2)"_s.arg(
                                           request.key, keychainError.message)};
        } else {
            result.secret = *it;
        }
        break;
    }
    case Operation::Write:
        m_sessionSecrets.insert(request.key, request.secret);
        qCInfo(lcSecrets).noquote()
            << "No keychain is available; keeping the secret for" << request.key
            << "in memory for this session only, as the user allowed. It will be forgotten "
               "when SMS Desk quits.";
        break;
    case Operation::Remove:
        m_sessionSecrets.remove(request.key);
        break;
    }
    return result;
}
