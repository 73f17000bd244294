#include "SyncCommand.h"

#include "AccountConfig.h"
#include "AccountRows.h"
#include "SandboxDemoProvider.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "ThreadQuery.h"
#include "TwilioClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

QString SyncCommand::name() const
{
    return u"sync"_s;
}

QString SyncCommand::summary() const
{
    return u"Sync an account's numbers and messages into a profile"_s;
}

void SyncCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"Fetches the account's sender numbers, then its messages (a full sync the first time,\n"
        "resumable; incremental afterwards) into the profile. The Auth Token is read from the\n"
        "environment variable named by --auth-token-env (default SMSDESK_AUTH_TOKEN), never\n"
        "from the command line. --demo syncs an in-process sandbox with seeded history into\n"
        "an account named \"Demo\". Progress goes to stderr, one summary line to stdout.\n"
        "Transient provider errors (429, 5xx, network) are retried with backoff for about\n"
        "15 s; wrong credentials or Account SID write nothing into the profile.\n"
        "Exit codes: 0 synced, 1 provider or profile error, 64 usage error, 75 the provider\n"
        "stayed unreachable through every retry (nothing is lost: run again later)."_s);
    parser.addOption(QCommandLineOption(u"profile"_s, u"The profile database file."_s, u"path"_s));
    parser.addOption(
        QCommandLineOption(u"account-url"_s, u"The provider's API base URL."_s, u"url"_s));
    parser.addOption(QCommandLineOption(u"account-sid"_s, u"The Account SID (AC...)."_s, u"sid"_s));
    parser.addOption(QCommandLineOption(u"auth-token-env"_s,
                                        u"Environment variable holding the Auth Token."_s, u"var"_s,
                                        u"SMSDESK_AUTH_TOKEN"_s));
    parser.addOption(QCommandLineOption(u"demo"_s, u"Sync from an in-process sandbox."_s));
}

namespace {

// A script waits for the command: transient errors are retried for about 15 s at most
// (0.5-1, 1-2, 2-4, 4-8 s), then it exits 75 and the next run continues where this one got to.
RetryPolicy::Settings cliRetries()
{
    RetryPolicy::Settings settings;
    settings.base = std::chrono::seconds(1);
    settings.cap = std::chrono::seconds(8);
    settings.maxAttempts = 4;
    return settings;
}

// Proves the Account SID and credentials before anything is written into the profile.
std::optional<ProviderError> testConnection(ProviderClient *client, CliIo &io)
{
    std::optional<ProviderError> error;
    RetryPolicy retry(cliRetries(), QRandomGenerator::global()->generate());
    for (int attempt = 1;; ++attempt) {
        QEventLoop loop;
        QObject context;
        error.reset();
        client->testConnection(&context, [&](const ProviderResult<ProviderAccount> &r) {
            if (!r.ok())
                error = r.error();
            loop.quit();
        });
        loop.exec();
        if (!error || !error->isTransient() || !retry.shouldRetry(attempt))
            return error;
        const auto delay = retry.delay(attempt);
        io.err << "provider unreachable (" << error->displayMessage() << "); retrying in "
               << (delay.count() + 999) / 1000 << " s\n";
        io.err.flush();
        QEventLoop wait;
        QTimer::singleShot(delay, &wait, &QEventLoop::quit);
        wait.exec();
    }
}

void reportRetries(QObject *source, CliIo &io)
{
    const auto report = [&io](const ProviderError &e, qint64 delayMs) {
        io.err << "provider unreachable (" << e.displayMessage() << "); retrying in "
               << (delayMs + 999) / 1000 << " s\n";
        io.err.flush();
    };
    if (auto *numbers = qobject_cast<SenderNumberSync *>(source))
        QObject::connect(numbers, &SenderNumberSync::retrying, numbers, report);
    else if (auto *engine = qobject_cast<SyncEngine *>(source))
        QObject::connect(engine, &SyncEngine::retrying, engine, report);
}

bool syncNumbers(qint64 accountId, ProviderClient *client, StoreWriter *writer, CliIo &io,
                 QString *error, bool *transient)
{
    SenderNumberSync numbers(accountId, client, writer);
    numbers.setRetrySettings(cliRetries());
    reportRetries(&numbers, io);
    QEventLoop loop;
    QObject::connect(
        &numbers, &SenderNumberSync::finished, &loop, [&](const SenderNumberSync::Result &r) {
            *error = r.storeError;
            for (const QString &n : r.inOtherAccount)
                io.err << "number " << n << " belongs to another account; left there\n";
            loop.quit();
        });
    QObject::connect(&numbers, &SenderNumberSync::failed, &loop, [&](const ProviderError &e) {
        *error = e.displayMessage();
        *transient = e.isTransient();
        loop.quit();
    });
    numbers.run();
    loop.exec();
    return error->isEmpty();
}

} // namespace

int SyncCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(io, u"unexpected argument '"_s + parser.positionalArguments().first() +
                                  u'\'');
    if (!parser.isSet(u"profile"_s))
        return usageError(io, u"--profile is required"_s);
    const bool demo = parser.isSet(u"demo"_s);

    std::unique_ptr<SandboxDemoProvider> provider;
    AccountConfig config;
    QString token;
    QString accountName;
    if (demo) {
        if (parser.isSet(u"account-url"_s) || parser.isSet(u"account-sid"_s))
            return usageError(io, u"--demo takes no --account-url or --account-sid"_s);
        provider = std::make_unique<SandboxDemoProvider>(DemoSetup::cliSync());
        if (!provider->start())
            return fail(io, ExitFailure, u"cannot start the sandbox: "_s + provider->errorString());
        config =
            AccountConfig::forSingleBaseUrl(u"Demo"_s, provider->accountSid(), provider->baseUrl());
        token = provider->authToken();
        accountName = u"Demo"_s;
    } else {
        if (!parser.isSet(u"account-url"_s) || !parser.isSet(u"account-sid"_s))
            return usageError(io, u"--account-url and --account-sid are required (or --demo)"_s);
        const QUrl url(parser.value(u"account-url"_s), QUrl::StrictMode);
        config = AccountConfig::forSingleBaseUrl(parser.value(u"account-sid"_s),
                                                 parser.value(u"account-sid"_s), url);
        const QStringList problems = config.validationErrors();
        if (!problems.isEmpty())
            return usageError(io, problems.join(u' '));
        const QString variable = parser.value(u"auth-token-env"_s);
        token = qEnvironmentVariable(variable.toLocal8Bit().constData());
        if (token.isEmpty())
            return usageError(io, u"the environment variable "_s + variable +
                                      u" (the Auth Token) is empty or not set"_s);
        accountName = config.accountSid;
    }

    QNetworkAccessManager network;
    TwilioClient client(&network, config, token);
    if (const auto refused = testConnection(&client, io)) {
        if (refused->isTransient())
            return fail(io, ExitTempFail,
                        u"the provider stayed unreachable through every retry ("_s +
                            refused->displayMessage() +
                            u"); nothing was synced, run again later"_s);
        return fail(io, ExitFailure,
                    refused->displayMessage() + u" (nothing was written into the profile)"_s);
    }

    StoreWriter writer(parser.value(u"profile"_s));
    if (!writer.open())
        return fail(io, ExitFailure, writer.errorString());
    QString rowError;
    const QString sid = config.accountSid;
    const qint64 accountId = writer.call([&](WriterContext &c) {
        auto rows = c.repo<AccountRows>();
        const qint64 id = rows.createOrFind(accountName, sid);
        rowError = rows.errorString();
        return id;
    });
    if (accountId == 0)
        return fail(io, ExitFailure, rowError);

    QString error;
    bool transient = false;
    if (!syncNumbers(accountId, &client, &writer, io, &error, &transient)) {
        if (transient)
            return fail(io, ExitTempFail,
                        u"sender numbers: the provider stayed unreachable through every retry ("_s +
                            error + u"); run again later"_s);
        return fail(io, ExitFailure, u"sender numbers: "_s + error);
    }

    SyncEngine engine(accountId, &client, &writer);
    engine.setRetrySettings(cliRetries());
    reportRetries(&engine, io);
    QEventLoop loop;
    std::optional<SyncSummary> summary;
    QObject::connect(&engine, &SyncEngine::progress, &loop,
                     [&](int pages, qint64 messages, qint64 eta) {
                         io.err << "page " << pages << ": " << messages << " messages";
                         if (eta >= 0)
                             io.err << ", about " << (eta + 999) / 1000 << " s left";
                         io.err << '\n';
                         io.err.flush();
                     });
    QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncSummary &s) {
        summary = s;
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::failed, &loop, [&](const ProviderError &e) {
        error = e.displayMessage();
        transient = e.isTransient();
        loop.quit();
    });
    QObject::connect(&engine, &SyncEngine::storeFailed, &loop, [&](const QString &e) {
        error = e;
        loop.quit();
    });
    engine.syncNow();
    loop.exec();
    if (!summary && transient)
        return fail(io, ExitTempFail,
                    u"the provider stayed unreachable through every retry ("_s + error +
                        u"); what was stored is kept, run again later"_s);
    if (!summary)
        return fail(io, ExitFailure, error);

    // Counted by the inbox's rules: the threads its "All" list shows.
    const qint64 threads = writer.call([accountId](WriterContext &c) {
        const auto counts = c.repo<ThreadQuery>().counts(accountId, QString());
        return counts ? qint64((*counts)[size_t(ThreadQuery::Filter::All)]) : qint64(-1);
    });
    io.out << "synced " << summary->messages << " messages (" << summary->inserted << " new, "
           << summary->updated << " updated";
    // A message the profile cannot store never fails the sync: it is kept aside, with the
    // reason, in the profile's skipped_provider_messages.
    if (summary->skipped > 0)
        io.out << ", " << summary->skipped << " kept aside";
    io.out << ") in " << summary->pages << " pages, " << threads << " threads\n";
    return ExitOk;
}
