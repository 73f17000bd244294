// The client, sender-number sync and sync engine against TwilioFixtureProvider (answers built
// from Twilio's OpenAPI examples and documented shapes, not from our sandbox), and a profile.
#pragma once

#include "AccountConfig.h"
#include "AccountRows.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "TwilioFixtureProvider.h"

#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include <memory>
#include <optional>

struct ShapesEnv
{
    QTemporaryDir dir;
    TwilioFixtureProvider provider;
    QNetworkAccessManager network;
    std::unique_ptr<TwilioClient> client;
    std::unique_ptr<StoreWriter> writer;
    qint64 accountId = 0;

    bool start()
    {
        if (!provider.load()) {
            qWarning("%s", qPrintable(provider.errorString()));
            return false;
        }
        const AccountConfig config = AccountConfig::forSingleBaseUrl(
            QStringLiteral("Fixture"), provider.accountSid(), provider.baseUrl());
        client = std::make_unique<TwilioClient>(&network, config, provider.authToken());
        writer = std::make_unique<StoreWriter>(dir.filePath(QStringLiteral("profile.sqlite")));
        if (!writer->open())
            return false;
        const QString sid = provider.accountSid();
        accountId = writer->call([sid](WriterContext &c) {
            return AccountRows(c.db()).createOrFind(QStringLiteral("Fixture"), sid);
        });
        return accountId > 0;
    }

    bool syncNumbers()
    {
        SenderNumberSync numbers(accountId, client.get(), writer.get());
        bool done = false;
        bool ok = false;
        QObject::connect(&numbers, &SenderNumberSync::finished,
                         [&](const SenderNumberSync::Result &r) {
                             done = true;
                             ok = r.storeError.isEmpty();
                         });
        QObject::connect(&numbers, &SenderNumberSync::failed, [&] { done = true; });
        numbers.run();
        return QTest::qWaitFor([&] { return done; }, 30000) && ok;
    }

    qint64 count(const QString &sql)
    {
        return writer->call([sql](WriterContext &c) {
            QSqlQuery q(c.db());
            return q.exec(sql) && q.next() ? q.value(0).toLongLong() : qint64(-1);
        });
    }
};

struct SyncOutcome
{
    bool done = false;
    std::optional<SyncSummary> summary;
    std::optional<ProviderError> error;
    QString storeError;
};

inline SyncOutcome runSync(SyncEngine &engine)
{
    SyncOutcome outcome;
    QObject guard;
    QObject::connect(&engine, &SyncEngine::finished, &guard, [&](const SyncSummary &s) {
        outcome.summary = s;
        outcome.done = true;
    });
    QObject::connect(&engine, &SyncEngine::failed, &guard, [&](const ProviderError &e) {
        outcome.error = e;
        outcome.done = true;
    });
    QObject::connect(&engine, &SyncEngine::storeFailed, &guard, [&](const QString &e) {
        outcome.storeError = e;
        outcome.done = true;
    });
    engine.syncNow();
    if (!QTest::qWaitFor([&] { return outcome.done; }, 120000))
        qWarning("sync did not finish in time");
    return outcome;
}
