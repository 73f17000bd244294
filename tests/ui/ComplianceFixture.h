// A profile for the Numbers and Keywords screen tests: two accounts, the sandbox's kinds of
// numbers, a writer and a reader connection.
#pragma once

#include "AccountRows.h"
#include "StoreReader.h"
#include "StoreTestUtil.h"
#include "StoreWriter.h"

#include <QTemporaryDir>

#include <memory>

struct ComplianceFixture
{
    QTemporaryDir dir;
    std::unique_ptr<StoreWriter> writer;
    std::unique_ptr<StoreReader> reader; // what the screens read with
    qint64 acme = 0;
    qint64 other = 0;

    bool open()
    {
        const QString path = dir.filePath(QStringLiteral("profile.sqlite"));
        writer = std::make_unique<StoreWriter>(path);
        if (!writer->open())
            return false;
        acme = writer->call([](WriterContext &c) {
            return AccountRows(c.db()).createOrFind(QStringLiteral("Bloom Florists"),
                                                    QStringLiteral("AC1"));
        });
        other = writer->call([](WriterContext &c) {
            return AccountRows(c.db()).createOrFind(QStringLiteral("Oak St Dental"),
                                                    QStringLiteral("AC2"));
        });
        reader = std::make_unique<StoreReader>(path);
        return acme > 0 && other > 0 && reader->open();
    }

    qint64 addNumber(qint64 account, const QString &number, const QString &kind,
                     const QString &label, double mps, const QString &keyword = {})
    {
        return writer->call([&](WriterContext &c) {
            QSqlQuery q = StoreTestUtil::exec(
                c.db(),
                QStringLiteral("INSERT INTO sender_numbers (account_id, number, kind, "
                               "provider_keyword, label, throughput_mps) VALUES (?, ?, ?, ?, ?, ?) "
                               "RETURNING id"),
                {account, number, kind, keyword.isNull() ? QStringLiteral("") : keyword, label,
                 mps});
            return q.next() ? q.value(0).toLongLong() : 0;
        });
    }

    // The tests' own checks read through it too.
    QSqlDatabase db() const { return reader->connection(); }
};
