#include "SenderNumberSync.h"

#include "AppLogging.h"
#include "ProviderClient.h"
#include "ProviderNumberRows.h"
#include "StoreWriter.h"

#include <QTimer>

using namespace Qt::StringLiterals;

SenderNumberSync::SenderNumberSync(qint64 accountId, ProviderClient *client, StoreWriter *writer,
                                   QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_client(client)
    , m_writer(writer)
{}

QString SenderNumberSync::kindOf(const ProviderNumber &number)
{
    if (number.kind == ProviderNumber::Kind::ShortCode)
        return u"short_code"_s;
    static const QStringList tollFree = {u"+1800"_s, u"+1833"_s, u"+1844"_s, u"+1855"_s,
                                         u"+1866"_s, u"+1877"_s, u"+1888"_s};
    for (const QString &prefix : tollFree) {
        if (number.number.startsWith(prefix) && number.number.size() == 12)
            return u"toll_free"_s;
    }
    return u"long_code"_s;
}

double SenderNumberSync::defaultThroughput(const QString &kind)
{
    if (kind == u"short_code"_s)
        return 100.0;
    if (kind == u"toll_free"_s)
        return 3.0;
    return 1.0;
}

void SenderNumberSync::setRetrySettings(const RetryPolicy::Settings &settings)
{
    m_retry = RetryPolicy(settings);
}

void SenderNumberSync::run()
{
    m_attempt = 0;
    fetch();
}

bool SenderNumberSync::retryLater(const ProviderError &error)
{
    if (!error.isTransient() || !m_retry.shouldRetry(m_attempt + 1))
        return false;
    ++m_attempt;
    std::optional<std::chrono::seconds> retryAfter;
    if (error.retryAfterSeconds())
        retryAfter = std::chrono::seconds(*error.retryAfterSeconds());
    const auto delay = m_retry.delay(m_attempt, retryAfter);
    Q_EMIT retrying(error, qint64(delay.count()));
    QTimer::singleShot(delay, this, [this] { fetch(); });
    return true;
}

void SenderNumberSync::fetch()
{
    m_client->listIncomingNumbers(this, [this](
                                            const ProviderResult<QList<ProviderNumber>> &phones) {
        if (!phones.ok()) {
            if (!retryLater(phones.error()))
                Q_EMIT failed(phones.error());
            return;
        }
        const QList<ProviderNumber> phoneList = phones.value();
        m_client->listShortCodes(this, [this, phoneList](
                                           const ProviderResult<QList<ProviderNumber>> &codes) {
            if (!codes.ok()) {
                if (!retryLater(codes.error()))
                    Q_EMIT failed(codes.error());
                return;
            }
            QList<ProviderNumber> all = phoneList + codes.value();
            const qint64 accountId = m_accountId;
            m_writer->post(
                [accountId, all](WriterContext &context) { return store(context, accountId, all); },
                this, [this](const Result &result) { Q_EMIT finished(result); });
        });
    });
}

QList<ProviderNumberRows::Listed> SenderNumberSync::toListed(const QList<ProviderNumber> &numbers)
{
    QList<ProviderNumberRows::Listed> listed;
    listed.reserve(numbers.size());
    for (const ProviderNumber &number : numbers) {
        ProviderNumberRows::Listed row;
        row.number = number.number;
        row.kind = kindOf(number);
        row.providerSid = number.sid;
        row.label = number.friendlyName;
        row.throughputMps = defaultThroughput(row.kind);
        // A short code is listed for texting only: its resource has no capabilities.
        row.sms = number.kind == ProviderNumber::Kind::ShortCode || number.sms;
        row.mms = number.mms;
        row.voice = number.voice;
        listed.append(row);
    }
    return listed;
}

SenderNumberSync::Result SenderNumberSync::store(WriterContext &context, qint64 accountId,
                                                 const QList<ProviderNumber> &numbers)
{
    Result result;
    auto rows = context.repo<ProviderNumberRows>();
    const std::optional<ProviderNumberRows::Outcome> outcome =
        rows.store(accountId, toListed(numbers));
    if (!outcome) {
        result.storeError = rows.errorString();
        return result;
    }
    result.added = outcome->added;
    result.updated = outcome->updated;
    result.inOtherAccount = outcome->inOtherAccount;
    for (const QString &number : result.inOtherAccount)
        qCWarning(lcSync) << "sender number" << number << "belongs to another account; left there";
    return result;
}
