// A profile, a provider client and an Outbox for one account, against a sandbox.
#pragma once

#include "AccountConfig.h"
#include "AccountRows.h"
#include "Outbox.h"
#include "StoreWriter.h"
#include "TwilioClient.h"

#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>

struct OutboxFixture
{
    QTemporaryDir dir;
    std::unique_ptr<StoreWriter> writer;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<TwilioClient> client;
    std::unique_ptr<Outbox> outbox;
    qint64 accountId = 0;

    // False when the profile cannot be opened or the rows cannot be written.
    bool start(const QUrl &baseUrl, const QString &accountSid, const QString &authToken,
               const QString &sender, double throughputMps, bool startSending = true)
    {
        writer = std::make_unique<StoreWriter>(dir.filePath(QStringLiteral("profile.db")));
        if (!writer->open())
            return false;
        accountId = writer->call([&](WriterContext &context) -> qint64 {
            AccountRows rows(context.db());
            const qint64 account = rows.createOrFind(QStringLiteral("Test"), accountSid);
            if (account == 0 || rows.createOrFindSenderNumber(account, sender, throughputMps) == 0)
                return 0;
            return account;
        });
        if (accountId == 0)
            return false;
        network = std::make_unique<QNetworkAccessManager>();
        client = std::make_unique<TwilioClient>(
            network.get(),
            AccountConfig::forSingleBaseUrl(QStringLiteral("Test"), accountSid, baseUrl),
            authToken);
        client->setTimeout(std::chrono::seconds(10));
        outbox = std::make_unique<Outbox>(writer.get(), client.get(), accountId);
        RetryPolicy::Settings retry;
        retry.base = std::chrono::milliseconds(50);
        retry.cap = std::chrono::milliseconds(400);
        outbox->setRetrySettings(retry, 7);
        return !startSending || outbox->start();
    }

    // A column of one message, read on the writer connection.
    QVariant column(qint64 messageId, const QString &name)
    {
        return writer->call([&](WriterContext &context) {
            QSqlQuery query(context.db());
            // The column name comes from the test, never from data.
            query.prepare(QStringLiteral("SELECT ") + name +
                          QStringLiteral(" FROM messages WHERE id = :id"));
            query.bindValue(QStringLiteral(":id"), messageId);
            return query.exec() && query.next() ? query.value(0) : QVariant();
        });
    }
};
