#include "SyncRangeRunner.h"

#include "AppLogging.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace {

qint64 listedMs(const ProviderMessage &message)
{
    const QDateTime at = message.dateSent.isValid() ? message.dateSent : message.dateCreated;
    return at.isValid() ? at.toMSecsSinceEpoch() : 0;
}

// Two pages of a stream may wait for the store: one being written, one ready after it.
constexpr int kUnstoredPerStream = 2;

} // namespace

SyncRangeRunner::SyncRangeRunner(ProviderClient *client, const SyncCursor &start,
                                 const Settings &settings, StorePage store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_plan(start)
    , m_settings(settings)
    , m_store(std::move(store))
    , m_retry(settings.retry)
    , m_limit(std::max(1, settings.concurrency))
{
    m_settings.rangeDays = std::max(1, m_settings.rangeDays);
    if (!m_plan.parallel) {
        m_plan.parallel = true;
        m_plan.ranges.clear();
        m_plan.nextRangeTo = QDateTime::currentDateTimeUtc().date();
        m_plan.historyEnd = false;
        m_openNext = true;
    }
}

void SyncRangeRunner::run()
{
    pump();
    checkDone();
}

SyncCursor::Range *SyncRangeRunner::range(const QDate &key)
{
    for (SyncCursor::Range &r : m_plan.ranges) {
        if (r.from == key)
            return &r;
    }
    return nullptr;
}

bool SyncRangeRunner::takeRange(QDate *key)
{
    for (const SyncCursor::Range &r : std::as_const(m_plan.ranges)) {
        if (!m_assigned.contains(r.from)) {
            *key = r.from;
            m_assigned.append(r.from);
            return true;
        }
    }
    if (m_plan.historyEnd || !m_plan.nextRangeTo.isValid())
        return false;
    const QDate to = m_plan.nextRangeTo;
    const QDate from = to.addDays(-(m_settings.rangeDays - 1));
    // The newest range has no upper bound: a message dated after today (a clock ahead of
    // ours) is still listed.
    m_plan.ranges.append({from, m_openNext ? QDate() : to, QString()});
    m_openNext = false;
    m_plan.nextRangeTo = from.addDays(-1);
    m_assigned.append(from);
    *key = from;
    return true;
}

void SyncRangeRunner::pump()
{
    while (!m_failed && int(m_streams.size()) < m_limit) {
        QDate key;
        if (!takeRange(&key))
            break;
        const int id = m_nextId++;
        Stream stream;
        stream.range = key;
        stream.next = range(key)->nextPageUri;
        m_streams.emplace(id, stream);
        fetch(id);
    }
}

void SyncRangeRunner::fetch(int id)
{
    const auto it = m_streams.find(id);
    if (it == m_streams.end() || m_failed)
        return;
    Stream &stream = it->second;
    const SyncCursor::Range *r = range(stream.range);
    if (stream.probing) {
        // Is anything older than this empty range? Its newest message says where to go on.
        MessageFilter filter;
        filter.pageSize = 1;
        filter.dateSentBefore = r->from.addDays(-1);
        m_client->listMessages(
            filter, this, [this, id](const ProviderResult<MessagePage> &p) { onProbe(id, p); });
        return;
    }
    if (!stream.next.isEmpty()) {
        m_client->nextMessagePage(
            stream.next, this, [this, id](const ProviderResult<MessagePage> &p) { onPage(id, p); });
        return;
    }
    MessageFilter filter;
    filter.pageSize = m_settings.pageSize;
    // The newest range lists without a date filter: messages not sent yet (accepted,
    // scheduled, canceled) have no date_sent, and only an unfiltered listing finds them.
    if (r->to.isValid()) {
        filter.dateSentAfter = r->from;
        filter.dateSentBefore = r->to;
    }
    m_client->listMessages(filter, this,
                           [this, id](const ProviderResult<MessagePage> &p) { onPage(id, p); });
}

void SyncRangeRunner::onPage(int id, const ProviderResult<MessagePage> &result)
{
    const auto it = m_streams.find(id);
    if (it == m_streams.end() || m_failed)
        return;
    if (!result.ok()) {
        if (!onError(id, result.error())) {
            m_failed = true;
            Q_EMIT failed(result.error());
        }
        return;
    }
    Stream &stream = it->second;
    stream.attempt = 0;
    const MessagePage &page = result.value();
    SyncCursor::Range *r = range(stream.range);
    if (stream.next.isEmpty() && page.items.isEmpty()) {
        stream.probing = true;
        fetch(id);
        return;
    }
    QList<ProviderMessage> items;
    bool more = page.hasNextPage();
    if (r->to.isValid()) {
        items = page.items;
    } else {
        // The unfiltered newest range keeps what the older ranges' filters do not list, and
        // stops a day past its first day: a message created before midnight but sent after
        // it may be listed a little later than the messages around it.
        const qint64 stopMs =
            QDateTime(r->from.addDays(-1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 fromMs = QDateTime(r->from, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        for (const ProviderMessage &message : page.items) {
            const qint64 at = listedMs(message);
            if (at > 0 && at < stopMs) // 0: a message whose dates could not be read
                more = false;
            if (!message.dateSent.isValid() || message.dateSent.toMSecsSinceEpoch() >= fromMs)
                items.append(message);
        }
    }
    for (const ProviderMessage &message : std::as_const(items))
        m_plan.newestMs = std::max(m_plan.newestMs, listedMs(message));
    if (more) {
        r->nextPageUri = page.nextPageUri;
        stream.next = page.nextPageUri;
    } else {
        m_plan.ranges.removeIf([&](const SyncCursor::Range &x) { return x.from == stream.range; });
        m_assigned.removeAll(stream.range);
    }
    ++stream.unstored;
    ++m_unstored;
    m_store(items, m_plan, [this, id] {
        --m_unstored;
        const auto s = m_streams.find(id);
        if (s != m_streams.end()) {
            --s->second.unstored;
            if (s->second.waitingForStore) {
                s->second.waitingForStore = false;
                fetch(id);
            }
        }
        checkDone();
    });
    if (!more) {
        endStream(id);
        return;
    }
    if (stream.unstored < kUnstoredPerStream)
        fetch(id);
    else
        stream.waitingForStore = true;
}

void SyncRangeRunner::onProbe(int id, const ProviderResult<MessagePage> &result)
{
    const auto it = m_streams.find(id);
    if (it == m_streams.end() || m_failed)
        return;
    if (!result.ok()) {
        if (!onError(id, result.error())) {
            m_failed = true;
            Q_EMIT failed(result.error());
        }
        return;
    }
    const QDate key = it->second.range;
    const QList<ProviderMessage> &older = result.value().items;
    if (older.isEmpty()) {
        m_plan.historyEnd = true;
    } else {
        // Skip the empty days between this range and the next older message.
        const QDate day = QDateTime::fromMSecsSinceEpoch(listedMs(older.first()), Qt::UTC).date();
        if (day.isValid() && day < m_plan.nextRangeTo)
            m_plan.nextRangeTo = day;
    }
    m_plan.ranges.removeIf([&](const SyncCursor::Range &x) { return x.from == key; });
    m_assigned.removeAll(key);
    endStream(id);
}

bool SyncRangeRunner::onError(int id, const ProviderError &error)
{
    if (!error.isTransient())
        return false;
    Stream &stream = m_streams.at(id);
    if (error.httpStatus() == 429 && m_limit > 1) {
        // Over the provider's concurrency: one stream fewer for the rest of the run.
        --m_limit;
        qCInfo(lcSync) << "429 from the provider: page streams down to" << m_limit;
        Q_EMIT concurrencyChanged(m_limit);
        if (int(m_streams.size()) > m_limit) {
            // The range goes back to the plan as it stands; a stream that ends takes it up.
            Q_EMIT retrying(error, 0);
            m_assigned.removeAll(stream.range);
            endStream(id);
            return true;
        }
    }
    if (!m_retry.shouldRetry(stream.attempt + 1))
        return false;
    ++stream.attempt;
    std::optional<std::chrono::seconds> retryAfter;
    if (error.retryAfterSeconds())
        retryAfter = std::chrono::seconds(*error.retryAfterSeconds());
    const auto delay = m_retry.delay(stream.attempt, retryAfter);
    Q_EMIT retrying(error, qint64(delay.count()));
    QTimer::singleShot(delay, this, [this, id] { fetch(id); });
    return true;
}

void SyncRangeRunner::endStream(int id)
{
    m_streams.erase(id);
    pump();
    checkDone();
}

void SyncRangeRunner::checkDone()
{
    if (m_finished || m_failed || !m_streams.empty() || m_unstored > 0 ||
        !m_plan.ranges.isEmpty() || !m_plan.historyEnd)
        return;
    m_finished = true;
    Q_EMIT finished(m_plan.newestMs);
}
