// A profile for the command service tests: a writer, a reader, two accounts (Bloom Florists
// with a long code and a short code, Oak St Dental with a long code), and a way to wait for
// a command's asynchronous answer.
#pragma once

#include "AccountRows.h"
#include "CommandResult.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

struct CommandFixture
{
    QTemporaryDir dir;
    std::unique_ptr<StoreWriter> writer;
    std::unique_ptr<StoreReader> reader;
    qint64 acme = 0;
    qint64 other = 0;
    qint64 longCode = 0;  // Bloom's long code
    qint64 shortCode = 0; // Bloom's short code
    qint64 otherLong = 0; // Oak St's long code

    bool open()
    {
        const QString path = dir.filePath(QStringLiteral("profile.sqlite"));
        writer = std::make_unique<StoreWriter>(path);
        if (!writer->open())
            return false;
        writer->call([this](WriterContext &context) {
            auto accounts = context.repo<AccountRows>();
            acme = accounts.createOrFind(QStringLiteral("Bloom Florists"), QStringLiteral("AC1"));
            other = accounts.createOrFind(QStringLiteral("Oak St Dental"), QStringLiteral("AC2"));
            longCode = accounts.createOrFindSenderNumber(acme, QStringLiteral("+14155550100"), 1.0);
            shortCode = accounts.createOrFindSenderNumber(acme, QStringLiteral("+12345"), 30.0,
                                                          QStringLiteral("short_code"));
            otherLong =
                accounts.createOrFindSenderNumber(other, QStringLiteral("+14155550200"), 1.0);
        });
        reader = std::make_unique<StoreReader>(path);
        return acme > 0 && other > 0 && longCode > 0 && shortCode > 0 && otherLong > 0 &&
               reader->open();
    }

    // Rows of a table (with an optional WHERE), read by the test itself.
    qint64 count(const QString &table) const
    {
        return StoreTestUtil::scalar(reader->connection(),
                                     QStringLiteral("SELECT count(*) FROM ") + table)
            .toLongLong();
    }

    // Starts a command and waits for its answer (the test thread may wait); nullopt when none
    // came.
    template<typename Start>
    static std::optional<CommandResult> answer(Start start)
    {
        std::optional<CommandResult> got;
        start([&got](const CommandResult &result) { got = result; });
        if (!QTest::qWaitFor([&got] { return got.has_value(); }, 10000))
            return std::nullopt;
        return got;
    }
};
