#include "SyncControlResource.h"

#include "Router.h"
#include "SyncRateLimiter.h"
#include "WireFormat.h"
#include "sandbox/SandboxServer.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

ApiReply badParameter(const QString &name, const QString &value, const QString &expected)
{
    return ApiReply::error(400, 20001, u"Invalid %1 '%2': %3"_s.arg(name, value, expected));
}

// A positive number from the form, or false when present but not one.
bool readRate(const ApiRequest &request, const QString &name, double *out)
{
    if (!request.hasField(name))
        return true;
    bool ok = false;
    const double value = request.field(name).toDouble(&ok);
    if (!ok || value <= 0.0 || value > 1e6)
        return false;
    *out = value;
    return true;
}

} // namespace

SyncControlResource::SyncControlResource(SandboxServer &server)
    : m_server(server)
{}

void SyncControlResource::registerRoutes(Router &router)
{
    router.add("POST", u"/sandbox/clock"_s,
               [this](const ApiRequest &r) { return advanceClock(r); });
    router.add("GET", u"/sandbox/sync-limits"_s, [this](const ApiRequest &) { return limits(); });
    router.add("POST", u"/sandbox/sync-limits"_s,
               [this](const ApiRequest &r) { return setLimits(r); });
}

ApiReply SyncControlResource::advanceClock(const ApiRequest &request)
{
    bool ok = false;
    const double seconds = request.field(u"Advance"_s).toDouble(&ok);
    if (!ok || seconds < 0 || seconds > 10.0 * 365 * 86400)
        return badParameter(u"Advance"_s, request.field(u"Advance"_s),
                            u"seconds, from 0 to ten years"_s);
    m_server.advanceClock(qint64(seconds * 1000.0));
    return ApiReply::json(QJsonObject{{u"now"_s, WireFormat::iso8601(m_server.nowMs())}});
}

ApiReply SyncControlResource::limits() const
{
    const SyncRateLimits l = m_server.syncRateLimits();
    return ApiReply::json(QJsonObject{{u"enabled"_s, l.enabled},
                                      {u"reads_per_second"_s, l.readsPerSecond},
                                      {u"writes_per_second"_s, l.writesPerSecond},
                                      {u"burst_seconds"_s, l.burstSeconds}});
}

ApiReply SyncControlResource::setLimits(const ApiRequest &request)
{
    SyncRateLimits l = m_server.syncRateLimits();
    if (request.hasField(u"Enabled"_s)) {
        const QString value = request.field(u"Enabled"_s).toLower();
        if (value != u"true"_s && value != u"false"_s)
            return badParameter(u"Enabled"_s, value, u"true or false"_s);
        l.enabled = value == u"true"_s;
    }
    for (const auto &[name, field] : {std::pair{u"ReadsPerSecond"_s, &l.readsPerSecond},
                                      std::pair{u"WritesPerSecond"_s, &l.writesPerSecond},
                                      std::pair{u"BurstSeconds"_s, &l.burstSeconds}}) {
        if (!readRate(request, name, field))
            return badParameter(name, request.field(name), u"a positive number"_s);
    }
    m_server.setSyncRateLimits(l);
    return limits();
}

} // namespace sandbox
