#include "SendTimePlanner.h"

#include "AllowedWindows.h"
#include "LocalTimeResolver.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Qt also accepts POSIX TZ rules ("Nowhere" reads as a zone named Nowhere at UTC), so a name
// must be in Qt's list of IANA ids or at least have the Area/Location form of one (which
// admits backward aliases such as Asia/Calcutta that the list leaves out).
bool knownZone(const QString &id, QTimeZone *zone)
{
    if (id.isEmpty())
        return false;
    const QByteArray name = id.toUtf8();
    if (!QTimeZone::isTimeZoneIdAvailable(name) && !name.contains('/'))
        return false;
    QTimeZone candidate(name);
    if (!candidate.isValid())
        return false;
    *zone = candidate;
    return true;
}

} // namespace

SendTimePlanner::SendTimePlanner(const QTimeZone &accountZone, const QuietHours &quietHours)
    : m_accountZone(accountZone)
    , m_quietHours(quietHours)
{}

QString SendTimePlanner::validate(const Schedule &schedule) const
{
    if (!m_accountZone.isValid())
        return u"the account has no valid time zone"_s;
    if (!m_quietHours.isValid())
        return u"quiet hours need a valid start and end time"_s;
    if (schedule.mode != Mode::Now) {
        if (!schedule.date.isValid())
            return u"a scheduled campaign needs a valid date"_s;
        if (!schedule.time.isValid())
            return u"a scheduled campaign needs a valid time of day"_s;
    }
    return {};
}

SendTimePlanner::ZoneSource SendTimePlanner::chooseZone(const Recipient &recipient,
                                                        QTimeZone *zone) const
{
    if (knownZone(recipient.contactZone, zone))
        return ZoneSource::Contact;
    if (knownZone(recipient.regionDefaultZone, zone))
        return ZoneSource::Region;
    *zone = m_accountZone;
    return ZoneSource::Account;
}

SendTimePlanner::ZoneResult SendTimePlanner::planInZone(const Schedule &schedule, qint64 nowMSecs,
                                                        const QTimeZone &zone) const
{
    qint64 target = nowMSecs;
    if (schedule.mode == Mode::AccountLocalTime)
        target = LocalTimeResolver::toUtcMSecs(m_accountZone, schedule.date, schedule.time);
    else if (schedule.mode == Mode::RecipientLocalTime)
        target = LocalTimeResolver::toUtcMSecs(zone, schedule.date, schedule.time);

    ZoneResult result;
    result.targetPassed = target < nowMSecs;
    const qint64 start = std::max(target, nowMSecs);
    AllowedWindows windows(zone, m_quietHours);
    result.utcMSecs = windows.nextAllowed(start);
    result.deferred = result.utcMSecs != start;
    return result;
}

SendTimePlanner::Planned SendTimePlanner::plan(const Schedule &schedule, qint64 nowMSecs,
                                               const Recipient &recipient) const
{
    Q_ASSERT(validate(schedule).isEmpty());
    Planned planned;
    QTimeZone zone;
    planned.zoneSource = chooseZone(recipient, &zone);
    planned.zoneId = zone.id();
    const ZoneResult result = planInZone(schedule, nowMSecs, zone);
    planned.utcMSecs = result.utcMSecs;
    planned.targetPassed = result.targetPassed;
    planned.deferredByQuietHours = result.deferred;
    return planned;
}

SendTimePlanner::Batch SendTimePlanner::planMany(const Schedule &schedule, qint64 nowMSecs,
                                                 const QList<Recipient> &recipients) const
{
    Batch batch;
    batch.error = validate(schedule);
    if (!batch.error.isEmpty())
        return batch;

    // Zone names are checked once each; -1 marks a name that is not a known zone.
    QHash<QString, int> indexOfName;
    QList<ZoneResult> results;
    auto zoneIndexOf = [&](const QString &name) -> int {
        const auto found = indexOfName.constFind(name);
        if (found != indexOfName.cend())
            return *found;
        QTimeZone zone;
        int index = -1;
        if (name.isEmpty() || knownZone(name, &zone)) {
            if (name.isEmpty())
                zone = m_accountZone;
            index = int(batch.zones.indexOf(zone.id()));
            if (index < 0) {
                index = int(batch.zones.size());
                batch.zones.append(zone.id());
                results.append(planInZone(schedule, nowMSecs, zone));
            }
        }
        indexOfName.insert(name, index);
        return index;
    };

    batch.utcMSecs.reserve(recipients.size());
    batch.zoneIndex.reserve(recipients.size());
    for (const Recipient &recipient : recipients) {
        int index = -1;
        if (!recipient.contactZone.isEmpty()) {
            index = zoneIndexOf(recipient.contactZone);
            if (index >= 0)
                ++batch.fromContact;
            else
                ++batch.unknownContactZones;
        }
        if (index < 0 && !recipient.regionDefaultZone.isEmpty()) {
            index = zoneIndexOf(recipient.regionDefaultZone);
            if (index >= 0)
                ++batch.fromRegion;
            else
                ++batch.unknownRegionZones;
        }
        if (index < 0) {
            index = zoneIndexOf(QString());
            ++batch.fromAccount;
        }
        const ZoneResult &result = results.at(index);
        batch.utcMSecs.append(result.utcMSecs);
        batch.zoneIndex.append(index);
        batch.targetPassed += result.targetPassed ? 1 : 0;
        batch.deferredByQuietHours += result.deferred ? 1 : 0;
    }
    return batch;
}
