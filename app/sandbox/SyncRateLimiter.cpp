#include "SyncRateLimiter.h"

#include "SandboxClock.h"
#include "SandboxState.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

SyncRateLimiter::SyncRateLimiter(SandboxState &state, const SandboxClock &clock)
    : m_state(state)
    , m_clock(clock)
{}

void SyncRateLimiter::setLimits(const SyncRateLimits &limits)
{
    m_limits = limits;
    m_buckets.clear(); // new limits start with full buckets
}

QString SyncRateLimiter::objectSid(const ApiRequest &request) const
{
    static const QRegularExpression objectPath(
        u"\\A/v1/Services/([^/]+)/(Lists|Maps)/([^/]+)(/.*)?\\z"_s);
    const QRegularExpressionMatch match = objectPath.match(request.path);
    if (!match.hasMatch())
        return {};
    SyncStore *service = m_state.syncService(QUrl::fromPercentEncoding(match.captured(1).toUtf8()));
    if (!service)
        return {};
    const QString name = QUrl::fromPercentEncoding(match.captured(3).toUtf8());
    if (match.captured(2) == u"Lists"_s) {
        const SandboxSyncList *list = m_state.syncLists.find(service->service.sid, name);
        return list ? list->sid : QString();
    }
    const SyncMap *map = service->findMap(name);
    return map ? map->sid : QString();
}

std::optional<ApiReply> SyncRateLimiter::admit(const ApiRequest &request)
{
    if (!m_limits.enabled)
        return std::nullopt;
    const QString sid = objectSid(request);
    if (sid.isEmpty())
        return std::nullopt;
    const bool read = request.method == "GET";
    const double rate = read ? m_limits.readsPerSecond : m_limits.writesPerSecond;
    const double capacity = std::max(1.0, rate * m_limits.burstSeconds);
    const qint64 now = m_clock.nowMs();
    const QString key = (read ? u"r:"_s : u"w:"_s) + sid;
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{capacity, now});
    Bucket &bucket = *it;
    bucket.tokens =
        std::min(capacity, bucket.tokens + double(now - bucket.updatedMs) / 1000.0 * rate);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return std::nullopt;
    }
    return ApiReply::error(429, 54009,
                           u"Rate limit exceeded: more than %1 %2 per second on %3"_s.arg(rate).arg(
                               read ? u"reads"_s : u"writes"_s, sid));
}

} // namespace sandbox
