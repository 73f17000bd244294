#include "ControlResource.h"

#include "FaultSettings.h"
#include "InboundMediaSource.h"
#include "MessageJson.h"
#include "Router.h"
#include "SandboxState.h"
#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

ApiReply badParameter(const QString &name, const QString &value, const QString &expected)
{
    return ApiReply::error(400, 20001, u"Invalid %1 '%2': %3"_s.arg(name, value, expected));
}

// Reads an optional boolean field ("true"/"false"); false when present but malformed.
bool readBool(const ApiRequest &request, const QString &name, std::optional<bool> *out)
{
    if (!request.hasField(name))
        return true;
    const QString value = request.field(name).toLower();
    if (value != u"true"_s && value != u"false"_s)
        return false;
    *out = value == u"true"_s;
    return true;
}

template<typename T>
bool readNumber(const ApiRequest &request, const QString &name, T *out, double min, double max)
{
    if (!request.hasField(name))
        return true;
    bool ok = false;
    const double value = request.field(name).toDouble(&ok);
    if (!ok || value < min || value > max)
        return false;
    *out = T(value);
    return true;
}

QJsonObject faultsJson(const FaultSettings &f)
{
    return QJsonObject{{u"latency_ms"_s, f.latencyMs},
                       {u"rate_500"_s, f.rate500},
                       {u"rate_503"_s, f.rate503},
                       {u"max_concurrent"_s, f.maxConcurrent},
                       {u"retry_after"_s, f.retryAfterSeconds},
                       {u"drop_rate"_s, f.dropRate},
                       {u"drop_next"_s, f.dropNext}};
}

} // namespace

ControlResource::ControlResource(SandboxServer &server)
    : m_server(server)
{}

void ControlResource::registerRoutes(Router &router)
{
    router.add("GET", u"/sandbox/info"_s, [this](const ApiRequest &) { return info(); });
    router.add("POST", u"/sandbox/inbound"_s, [this](const ApiRequest &r) { return inbound(r); });
    router.add("GET", u"/sandbox/faults"_s, [this](const ApiRequest &) { return faults(); });
    router.add("POST", u"/sandbox/faults"_s, [this](const ApiRequest &r) { return setFaults(r); });
    router.add("POST", u"/sandbox/carrier"_s, [this](const ApiRequest &r) { return carrier(r); });
    router.add("POST", u"/sandbox/customers"_s,
               [this](const ApiRequest &r) { return customers(r); });
    router.add("POST", u"/sandbox/numbers/([^/]+)"_s,
               [this](const ApiRequest &r) { return number(r); });
    router.add("GET", u"/sandbox/opt-outs"_s, [this](const ApiRequest &) { return optOuts(); });
    router.add("POST", u"/sandbox/seed"_s, [this](const ApiRequest &r) { return seed(r); });
    router.add("POST", u"/sandbox/save"_s, [this](const ApiRequest &) { return save(); });
}

ApiReply ControlResource::info() const
{
    QJsonArray numbers;
    for (const SenderNumber &n : m_server.state().numbers.all()) {
        static const char *const kinds[] = {"long_code", "toll_free", "short_code"};
        numbers.append(
            QJsonObject{{u"number"_s, n.number},
                        {u"sid"_s, n.sid},
                        {u"kind"_s, QString::fromLatin1(kinds[int(n.kind)])},
                        {u"sms"_s, n.sms},
                        {u"shared"_s, n.shared},
                        {u"provider_keywords"_s, QJsonArray::fromStringList(n.providerKeywords)},
                        {u"keyword_handling"_s, n.keywordHandling()},
                        {u"rate"_s, m_server.carrierRateFor(n)}});
    }
    return ApiReply::json(QJsonObject{{u"account_sid"_s, m_server.accountSid()},
                                      {u"sync_service_sid"_s, m_server.state().sync.service.sid},
                                      {u"speed"_s, m_server.options().speed},
                                      {u"carrier_paused"_s, m_server.isCarrierPaused()},
                                      {u"reply_rate"_s, m_server.replyRate()},
                                      {u"messages"_s, double(m_server.state().messages.size())},
                                      {u"numbers"_s, numbers},
                                      {u"faults"_s, faultsJson(m_server.faults())}});
}

ApiReply ControlResource::inbound(const ApiRequest &request)
{
    // MediaUrl (repeatable, as on a Twilio create) makes it an MMS: a data: URL or a local
    // file (path or file: URL), with MediaContentType (repeatable, in the same order) or the
    // type the data: URL or the file name says.
    const QStringList urls = request.form.allQueryItemValues(u"MediaUrl"_s, QUrl::FullyDecoded);
    const QStringList types =
        request.form.allQueryItemValues(u"MediaContentType"_s, QUrl::FullyDecoded);
    QList<SandboxServer::InboundMedia> media;
    for (qsizetype i = 0; i < urls.size(); ++i) {
        const InboundMediaSource::Loaded loaded = InboundMediaSource::load(urls[i]);
        if (!loaded.error.isEmpty())
            return badParameter(u"MediaUrl"_s, urls[i].left(80), loaded.error);
        media.append({i < types.size() && !types[i].isEmpty() ? types[i] : loaded.contentType,
                      loaded.bytes});
    }
    const SandboxServer::InboundResult result = m_server.injectInbound(
        request.field(u"From"_s), request.field(u"To"_s), request.field(u"Body"_s), media);
    if (!result.routed)
        return ApiReply::json(QJsonObject{{u"routed"_s, false}, {u"reason"_s, result.error}});
    if (!result.ok)
        return ApiReply::error(400, result.errorCode, result.error);
    const SandboxState &state = m_server.state();
    const auto id = state.messages.find(Sid128::fromString(result.sid, "SM"_L1));
    return ApiReply::json(
        MessageJson::toJson(state.messages, state.messages.at(*id), state.accountSid), 201);
}

ApiReply ControlResource::faults() const
{
    return ApiReply::json(faultsJson(m_server.faults()));
}

ApiReply ControlResource::setFaults(const ApiRequest &request)
{
    std::optional<bool> reset;
    if (!readBool(request, u"Reset"_s, &reset))
        return badParameter(u"Reset"_s, request.field(u"Reset"_s), u"true or false"_s);
    FaultSettings f = reset.value_or(false) ? FaultSettings{} : m_server.faults();
    struct Field
    {
        const char16_t *name;
        bool ok;
    };
    const Field checks[] = {
        {u"LatencyMs", readNumber(request, u"LatencyMs"_s, &f.latencyMs, 0, 600000)},
        {u"Rate500", readNumber(request, u"Rate500"_s, &f.rate500, 0, 1)},
        {u"Rate503", readNumber(request, u"Rate503"_s, &f.rate503, 0, 1)},
        {u"MaxConcurrent", readNumber(request, u"MaxConcurrent"_s, &f.maxConcurrent, 0, 100000)},
        {u"RetryAfter", readNumber(request, u"RetryAfter"_s, &f.retryAfterSeconds, -1, 86400)},
        {u"DropRate", readNumber(request, u"DropRate"_s, &f.dropRate, 0, 1)},
        {u"DropNext", readNumber(request, u"DropNext"_s, &f.dropNext, 0, 1000000)},
    };
    for (const Field &field : checks) {
        if (!field.ok) {
            const QString name = QString::fromUtf16(field.name);
            return badParameter(name, request.field(name), u"out of range or not a number"_s);
        }
    }
    if (f.rate500 + f.rate503 > 1.0)
        return ApiReply::error(400, 20001, u"Rate500 + Rate503 must not exceed 1"_s);
    if (request.hasField(u"Seed"_s)) {
        bool ok = false;
        const quint64 seed = request.field(u"Seed"_s).toULongLong(&ok);
        if (!ok)
            return badParameter(u"Seed"_s, request.field(u"Seed"_s), u"an unsigned integer"_s);
        m_server.reseedFaults(seed);
    }
    m_server.setFaults(f);
    return faults();
}

ApiReply ControlResource::carrier(const ApiRequest &request)
{
    std::optional<bool> paused;
    if (!readBool(request, u"Paused"_s, &paused) || !paused)
        return badParameter(u"Paused"_s, request.field(u"Paused"_s), u"true or false"_s);
    m_server.setCarrierPaused(*paused);
    return ApiReply::json(QJsonObject{{u"paused"_s, m_server.isCarrierPaused()}});
}

ApiReply ControlResource::customers(const ApiRequest &request)
{
    double rate = m_server.replyRate();
    if (!request.hasField(u"ReplyRate"_s) || !readNumber(request, u"ReplyRate"_s, &rate, 0, 1))
        return badParameter(u"ReplyRate"_s, request.field(u"ReplyRate"_s),
                            u"a number from 0 to 1"_s);
    m_server.setReplyRate(rate);
    return ApiReply::json(QJsonObject{{u"reply_rate"_s, m_server.replyRate()}});
}

ApiReply ControlResource::number(const ApiRequest &request)
{
    std::optional<bool> on;
    if (!readBool(request, u"AdvancedOptOut"_s, &on) || !on)
        return badParameter(u"AdvancedOptOut"_s, request.field(u"AdvancedOptOut"_s),
                            u"true or false"_s);
    const QString number = request.captures.value(0);
    if (!m_server.setAdvancedOptOut(number, *on))
        return ApiReply::error(404, 20404, u"%1 is not a short code of this account"_s.arg(number));
    return ApiReply::json(QJsonObject{{u"number"_s, number}, {u"advanced_opt_out"_s, *on}});
}

ApiReply ControlResource::optOuts() const
{
    QJsonArray list;
    for (const auto &[sender, customer] : m_server.state().optOuts())
        list.append(QJsonObject{{u"sender"_s, sender}, {u"customer"_s, customer}});
    return ApiReply::json(QJsonObject{{u"opt_outs"_s, list}});
}

ApiReply ControlResource::seed(const ApiRequest &request)
{
    qint64 messages = 0;
    int threads = 1000;
    int days = 30;
    if (!request.hasField(u"Messages"_s) ||
        !readNumber(request, u"Messages"_s, &messages, 1, 50000000))
        return badParameter(u"Messages"_s, request.field(u"Messages"_s),
                            u"an integer from 1 to 50000000"_s);
    if (!readNumber(request, u"Threads"_s, &threads, 1, 10000000))
        return badParameter(u"Threads"_s, request.field(u"Threads"_s),
                            u"an integer from 1 to 10000000"_s);
    if (!readNumber(request, u"Days"_s, &days, 1, 3650))
        return badParameter(u"Days"_s, request.field(u"Days"_s), u"an integer from 1 to 3650"_s);
    QElapsedTimer timer;
    timer.start();
    m_server.seedHistory(messages, threads, days);
    return ApiReply::json(
        QJsonObject{{u"seeded"_s, double(messages)},
                    {u"threads"_s, threads},
                    {u"total_messages"_s, double(m_server.state().messages.size())},
                    {u"elapsed_ms"_s, double(timer.elapsed())}},
        201);
}

ApiReply ControlResource::save()
{
    if (m_server.options().statePath.isEmpty())
        return ApiReply::error(409, 20001,
                               u"The sandbox was started without --state; nothing to save to"_s);
    const QString error = m_server.saveState();
    if (!error.isEmpty())
        return ApiReply::error(500, 20500, error);
    return ApiReply::json(QJsonObject{{u"saved"_s, m_server.options().statePath}});
}

} // namespace sandbox
