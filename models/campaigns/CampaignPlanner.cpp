#include "CampaignPlanner.h"

#include "VariantSplitter.h"

#include <QHash>

using namespace Qt::StringLiterals;

qint64 CampaignPlanner::splitKey(const Recipient &recipient)
{
    if (recipient.contactId > 0)
        return recipient.contactId;
    qint64 key = 0;
    for (QChar c : recipient.number) {
        if (c.isDigit() && key < (qint64(1) << 58))
            key = key * 10 + c.digitValue();
    }
    // Negative, so it never collides with a contact id.
    return -key - 1;
}

CampaignPlanner::Result CampaignPlanner::plan(const Input &input, qint64 nowMSecs)
{
    Result result;
    if (input.senders.isEmpty()) {
        result.error = u"the campaign needs at least one sender number"_s;
        return result;
    }
    if (input.recipients.isEmpty()) {
        result.error = u"the campaign has no recipients"_s;
        return result;
    }
    QList<VariantSplitter::Variant> split;
    for (const CampaignDraft::Variant &v : input.variants)
        split.append({v.label, v.percent});
    const VariantSplitter splitter(split, input.holdOutPercent);
    if (const QString e = splitter.validationError(); !e.isEmpty()) {
        result.error = e;
        return result;
    }
    const SendTimePlanner timePlanner(input.accountZone, input.quietHours);
    if (const QString e = timePlanner.validate(input.schedule); !e.isEmpty()) {
        result.error = e;
        return result;
    }

    const qsizetype n = input.recipients.size();
    QList<qint64> keys;
    QList<SendTimePlanner::Recipient> zones;
    keys.reserve(n);
    zones.reserve(n);
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < n; ++i) {
        const Recipient &r = input.recipients.at(i);
        if (r.number.isEmpty()) {
            result.error = u"recipient %1 has no number"_s.arg(i + 1);
            return result;
        }
        if (const auto it = seen.constFind(r.number); it != seen.cend()) {
            result.error =
                u"%1 is listed twice (recipients %2 and %3)"_s.arg(r.number).arg(*it + 1).arg(i +
                                                                                              1);
            return result;
        }
        seen.insert(r.number, i);
        keys.append(splitKey(r));
        zones.append({r.contactZone, r.regionZone});
    }
    const QList<int> variants = splitter.assign(input.campaignId, keys);
    const SendTimePlanner::Batch times = timePlanner.planMany(input.schedule, nowMSecs, zones);
    if (!times.error.isEmpty()) {
        result.error = times.error;
        return result;
    }

    QHash<qint64, int> poolIndex;
    for (qsizetype s = 0; s < input.senders.size(); ++s)
        poolIndex.insert(input.senders.at(s).id, int(s));

    // Only the texted recipients take throughput.
    QList<ThroughputPlanner::Recipient> paced;
    QList<qsizetype> pacedIndex;
    QList<bool> sticky;
    result.recipients.resize(n);
    result.perVariant.fill(0, input.variants.size());
    qsizetype roundRobin = 0;
    for (qsizetype i = 0; i < n; ++i) {
        Planned &planned = result.recipients[i];
        planned.variant = variants.at(i) == VariantSplitter::HoldOut ? HoldOut : variants.at(i);
        if (planned.variant == HoldOut) {
            ++result.heldOut;
            continue;
        }
        ++result.perVariant[planned.variant];
        ThroughputPlanner::Recipient p;
        p.segments = input.segments ? std::max(1, input.segments(i, planned.variant)) : 1;
        p.earliestMSecs = times.utcMSecs.at(i);
        p.windowGroup = input.quietHours.isEmpty() ? -1 : times.zoneIndex.at(i);
        const qint64 stickyId = input.recipients.at(i).stickySenderId;
        const bool isSticky = stickyId != 0 && poolIndex.contains(stickyId);
        p.stickySenderId =
            isSticky ? stickyId : input.senders.at(roundRobin++ % input.senders.size()).id;
        paced.append(p);
        pacedIndex.append(i);
        sticky.append(isSticky);
    }
    if (paced.isEmpty()) {
        result.finishMSecs = nowMSecs;
        return result;
    }

    ThroughputPlanner throughput(input.senders, input.accountZone);
    if (!input.quietHours.isEmpty())
        throughput.setSendWindows(times.zones, input.quietHours);
    const ThroughputPlanner::Plan plan = throughput.plan(paced, nowMSecs);
    if (!plan.ok()) {
        result.error = plan.error;
        return result;
    }
    for (qsizetype k = 0; k < paced.size(); ++k) {
        const qsizetype i = pacedIndex.at(k);
        const ThroughputPlanner::Assignment &a = plan.assignments.at(k);
        Planned &planned = result.recipients[i];
        planned.senderId = input.senders.at(a.sender).id;
        planned.plannedAtMSecs = a.startMSecs;
        planned.sticky = sticky.at(k);
        if (planned.sticky)
            ++result.stickyKept;
    }
    result.deferredByQuietHours = times.deferredByQuietHours;
    result.finishMSecs = plan.finishMSecs;
    return result;
}
