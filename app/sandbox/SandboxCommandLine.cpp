#include "SandboxCommandLine.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace sandbox {

SandboxCommandLine SandboxCommandLine::parse(const QStringList &arguments)
{
    SandboxCommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"A local SMS provider speaking Twilio's REST wire format (subset)."_s);
    parser.addHelpOption();
    const QCommandLineOption host(u"host"_s, u"Address to bind (default 127.0.0.1)."_s,
                                  u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(
        u"port"_s, u"Port to listen on; 0 picks a free port (default 0)."_s, u"N"_s, u"0"_s);
    const QCommandLineOption demo(
        u"demo"_s, u"Lively simulated customers (more, quicker replies; walk-ins)."_s);
    const QCommandLineOption speed(u"speed"_s,
                                   u"Time scale: 100 runs the carrier and customers 100x faster."_s,
                                   u"F"_s, u"1"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed for every random choice (reproducible runs)."_s,
                                  u"N"_s);
    const QCommandLineOption state(
        u"state"_s, u"Load state from FILE at start, save it there on stop."_s, u"FILE"_s);
    const QCommandLineOption replyRate(
        u"reply-rate"_s, u"Share of delivered messages customers reply to (0-1)."_s, u"R"_s);
    const QCommandLineOption seedHistory(u"seed-history"_s,
                                         u"Add N messages of history at start."_s, u"N"_s);
    const QCommandLineOption syncRateLimits(
        u"sync-rate-limits"_s, u"Enforce Sync's 20 reads/s and 20 writes/s per object (54009)."_s);
    const QCommandLineOption noReceipts(
        u"no-receipts"_s, u"Carriers return no delivery receipts: messages stay \"sent\"."_s);
    parser.addOptions(
        {host, port, demo, speed, seed, state, replyRate, seedHistory, syncRateLimits});
    parser.addOption(noReceipts);
    const QCommandLineOption trialAccount(
        u"trial-account"_s, u"Prefix outbound bodies as a Twilio trial account does."_s);
    const QCommandLineOption smartEncoding(
        u"smart-encoding"_s, u"Replace Unicode look-alikes in outbound bodies (Smart Encoding)."_s);
    parser.addOption(trialAccount);
    parser.addOption(smartEncoding);
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(u"help"_s)) {
        result.error = parser.helpText();
        return result;
    }
    if (!result.host.setAddress(parser.value(host))) {
        result.error = u"--host: '%1' is not an IP address"_s.arg(parser.value(host));
        return result;
    }
    bool ok = false;
    const uint portValue = parser.value(port).toUInt(&ok);
    if (!ok || portValue > 65535) {
        result.error = u"--port: '%1' is not a port number (0-65535)"_s.arg(parser.value(port));
        return result;
    }
    result.port = quint16(portValue);
    result.options.demo = parser.isSet(demo);
    result.options.syncRateLimits = parser.isSet(syncRateLimits);
    result.options.noReceipts = parser.isSet(noReceipts);
    result.options.trialAccount = parser.isSet(trialAccount);
    result.options.smartEncoding = parser.isSet(smartEncoding);
    result.options.speed = parser.value(speed).toDouble(&ok);
    if (!ok || result.options.speed <= 0.0) {
        result.error = u"--speed: '%1' is not a positive number"_s.arg(parser.value(speed));
        return result;
    }
    if (parser.isSet(seed)) {
        const quint64 value = parser.value(seed).toULongLong(&ok);
        if (!ok) {
            result.error = u"--seed: '%1' is not an unsigned integer"_s.arg(parser.value(seed));
            return result;
        }
        result.options.seed = value;
    }
    result.options.statePath = parser.value(state);
    if (parser.isSet(replyRate)) {
        result.options.replyRate = parser.value(replyRate).toDouble(&ok);
        if (!ok || result.options.replyRate < 0.0 || result.options.replyRate > 1.0) {
            result.error =
                u"--reply-rate: '%1' is not a number from 0 to 1"_s.arg(parser.value(replyRate));
            return result;
        }
    }
    if (parser.isSet(seedHistory)) {
        result.seedHistory = parser.value(seedHistory).toLongLong(&ok);
        if (!ok || result.seedHistory < 0) {
            result.error = u"--seed-history: '%1' is not a non-negative integer"_s.arg(
                parser.value(seedHistory));
            return result;
        }
    }
    return result;
}

} // namespace sandbox
