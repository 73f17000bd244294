#include "ServiceBeacon.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServiceBeacon", text);
}

QString dutyInWords(const QString &duty)
{
    if (duty == ServiceBeacon::KeywordReplies)
        return QCoreApplication::translate("ServiceBeacon", "keyword replies");
    if (duty == ServiceBeacon::Campaigns)
        return QCoreApplication::translate("ServiceBeacon", "campaigns");
    if (duty == ServiceBeacon::ScheduledMessages)
        return QCoreApplication::translate("ServiceBeacon", "scheduled messages");
    if (duty == ServiceBeacon::Sync)
        return QCoreApplication::translate("ServiceBeacon", "sync");
    return duty;
}

} // namespace

QJsonObject ServiceBeacon::toJson() const
{
    return {{u"host"_s, host},
            {u"agent"_s, agentName},
            {u"since"_s, startedAt.toUTC().toString(Qt::ISODate)},
            {u"duties"_s, QJsonArray::fromStringList(duties)}};
}

std::optional<ServiceBeacon> ServiceBeacon::fromJson(const QJsonObject &json)
{
    if (!json.value(u"host"_s).isString())
        return std::nullopt;
    ServiceBeacon beacon;
    beacon.host = json.value(u"host"_s).toString();
    beacon.agentName = json.value(u"agent"_s).toString();
    beacon.startedAt = QDateTime::fromString(json.value(u"since"_s).toString(), Qt::ISODate);
    for (const QJsonValue &duty : json.value(u"duties"_s).toArray()) {
        if (duty.isString())
            beacon.duties.append(duty.toString());
    }
    return beacon;
}

QString ServiceBeacon::dutiesText() const
{
    QStringList words;
    for (const QString &duty : duties)
        words.append(dutyInWords(duty));
    return words.join(u", "_s);
}

QString ServiceBeacon::statusLine(const QList<ServiceBeacon> &live)
{
    if (live.isEmpty())
        return tr("No service running: this desktop answers keywords while it is open");
    QStringList lines;
    for (const ServiceBeacon &beacon : live) {
        const QString since = beacon.startedAt.isValid()
                                  ? beacon.startedAt.toLocalTime().toString(u"HH:mm"_s)
                                  : tr("a moment ago");
        const QString duties = beacon.duties.isEmpty() ? tr("no duties") : beacon.dutiesText();
        lines.append(tr("Service on %1 live since %2: %3").arg(beacon.host, since, duties));
    }
    return lines.join(u"; "_s);
}

QString ServiceBeacon::shortText(const QList<ServiceBeacon> &live)
{
    if (live.isEmpty())
        return tr("No service");
    if (live.size() == 1)
        return tr("Service live on %1").arg(live.first().host);
    return tr("%1 services live").arg(live.size());
}
