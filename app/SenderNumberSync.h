// Copies the account's incoming phone numbers and short codes from the provider into
// sender_numbers, so that synced messages can be filed in threads.
#pragma once

#include "ProviderError.h"
#include "ProviderNumber.h"
#include "ProviderNumberRows.h"
#include "RetryPolicy.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

class ProviderClient;
class StoreWriter;
struct WriterContext;

class SenderNumberSync : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        int added = 0;
        int updated = 0;
        // Numbers that already belong to another account of the profile: left where they are.
        QStringList inOtherAccount;
        QString storeError; // non-empty when writing failed (nothing was written)
    };

    SenderNumberSync(qint64 accountId, ProviderClient *client, StoreWriter *writer,
                     QObject *parent = nullptr);

    // Fetches both lists, then writes them in one transaction; emits finished or failed.
    // A transient error (429, 5xx, network) is retried with backoff (retrying() says when);
    // failed() comes when the provider refused or kept failing through every attempt.
    void run();
    void setRetrySettings(const RetryPolicy::Settings &settings);

    // long_code, toll_free (+1 800/833/844/855/866/877/888) or short_code.
    static QString kindOf(const ProviderNumber &number);
    // Segments per second the provider allows by default: 1 / 3 / 100.
    static double defaultThroughput(const QString &kind);
    // Runs on the writer thread.
    static Result store(WriterContext &context, qint64 accountId,
                        const QList<ProviderNumber> &numbers);

    // The provider's numbers as the store files them (kind and default throughput decided).
    static QList<ProviderNumberRows::Listed> toListed(const QList<ProviderNumber> &numbers);

Q_SIGNALS:
    void finished(const SenderNumberSync::Result &result);
    void failed(const ProviderError &error);
    void retrying(const ProviderError &error, qint64 delayMs);

private:
    void fetch();
    // Schedules another fetch when the error is transient and attempts remain.
    bool retryLater(const ProviderError &error);

    RetryPolicy m_retry;
    int m_attempt = 0;
    qint64 m_accountId;
    ProviderClient *m_client;
    StoreWriter *m_writer;
};
