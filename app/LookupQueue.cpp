#include "LookupQueue.h"

#include "AppLogging.h"
#include "LineTypeLookup.h"
#include "ProviderClient.h"
#include "StoreWriter.h"
#include "TextEnabledRows.h"

#include <QDateTime>

using namespace std::chrono_literals;

namespace {
// Lookups are billed per request and rate-limited by the provider: a handful per second
// keeps a first sync of thousands of customers from flooding it.
constexpr double kDefaultLookupsPerSecond = 5.0;
constexpr int kScanBatch = 500;
} // namespace

LookupQueue::LookupQueue(qint64 accountId, ProviderClient *client, StoreWriter *writer,
                         QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_client(client)
    , m_writer(writer)
    , m_bucket(kDefaultLookupsPerSecond, kDefaultLookupsPerSecond, TokenBucket::Clock::now())
{
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &LookupQueue::drain);
}

void LookupQueue::setRate(double lookupsPerSecond)
{
    m_bucket = TokenBucket(lookupsPerSecond, lookupsPerSecond, TokenBucket::Clock::now());
}

qint64 LookupQueue::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void LookupQueue::scan()
{
    const qint64 account = m_accountId;
    const qint64 ttl = m_ttl.count();
    m_writer->post(
        [account, ttl](WriterContext &context) {
            auto rows = context.repo<TextEnabledRows>();
            const qint64 now = nowMs();
            if (rows.markUndeliverable(account, now) < 0)
                qCWarning(lcSync) << "cannot mark 30006 recipients:" << rows.errorString();
            return rows.numbersNeedingLookup(account, now, ttl, kScanBatch);
        },
        this, [this](const QStringList &numbers) { enqueue(numbers); });
}

void LookupQueue::checkNow(const QString &number)
{
    if (!number.startsWith(u'+'))
        return;
    m_queue.removeAll(number);
    m_queue.prepend(number);
    drain();
}

void LookupQueue::enqueue(const QStringList &numbers)
{
    for (const QString &number : numbers) {
        if (!m_queue.contains(number))
            m_queue << number;
    }
    drain();
}

void LookupQueue::drain()
{
    if (m_inFlight)
        return;
    if (m_queue.isEmpty()) {
        Q_EMIT idle();
        return;
    }
    const auto now = TokenBucket::Clock::now();
    const auto wait = m_bucket.delayFor(1, now);
    if (wait > 0ms) {
        m_wake.start(wait);
        return;
    }
    m_bucket.consume(1, now);
    lookUp(m_queue.takeFirst());
}

void LookupQueue::lookUp(const QString &number)
{
    m_inFlight = true;
    const qint64 account = m_accountId;
    m_writer->post(
        [account, number](WriterContext &context) {
            auto rows = context.repo<TextEnabledRows>();
            return rows.markChecking(account, number, nowMs()) ? QString() : rows.errorString();
        },
        this,
        [](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcSync) << "cannot mark a number as being checked:" << error;
        });
    m_client->lookupLineType(
        number, this, [this, account, number](const ProviderResult<LineTypeLookup> &result) {
            if (!result.ok() && result.error().isTransient()) {
                // The provider is busy or away: try this number again after the others.
                m_queue << number;
                m_inFlight = false;
                m_wake.start(1s);
                return;
            }
            const QString lineType = result.ok() && result.value().hasLineTypeIntelligence
                                         ? result.value().lineType
                                         : QString();
            m_writer->post(
                [account, number, lineType](WriterContext &context) {
                    auto rows = context.repo<TextEnabledRows>();
                    const bool stored = lineType.isEmpty()
                                            ? rows.clearChecking(account, number, nowMs())
                                            : rows.recordLookup(account, number, lineType, nowMs());
                    return stored ? rows.threadsOf(account, number) : QList<qint64>{-1};
                },
                this,
                [this, number, lineType](const QList<qint64> &threads) {
                    if (threads.contains(-1))
                        qCWarning(lcSync) << "cannot store the lookup of a number";
                    Q_EMIT checked(number, TextEnabledRows::textEnabledFor(lineType), lineType);
                    m_inFlight = false;
                    drain();
                });
        });
}
