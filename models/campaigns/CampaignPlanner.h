// Plans a campaign's queue: variant, sender and send instant for every recipient.
#pragma once

#include "CampaignDraft.h"
#include "QuietHours.h"
#include "SendTimePlanner.h"
#include "ThroughputPlanner.h"

#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>

// Pure: no database. The steps, in order:
// 1. Variants: VariantSplitter over (campaign id, contact id), so a re-plan gives the same
//    groups; a recipient without a contact is keyed by its number's digits. Hold-out
//    recipients are never texted and take no throughput.
// 2. Earliest instant per recipient: SendTimePlanner (schedule, zone fallback contact ->
//    number region -> account, quiet hours deferral).
// 3. Sender: the sender of the customer's existing thread when it is in the pool (sticky, so
//    replies land in one thread); else round-robin over the pool in input order.
// 4. Pacing: ThroughputPlanner per sender in segments per second with daily caps and the
//    recipients' quiet hours; the plan's finish is when the last segment leaves.
class CampaignPlanner
{
public:
    static constexpr int HoldOut = -1;

    struct Recipient
    {
        QString number;
        qint64 contactId = 0;
        QString contactZone;       // IANA id from the contact, '' when unknown
        QString regionZone;        // default zone of the number's region, '' when unknown
        qint64 stickySenderId = 0; // sender of the customer's existing thread, 0: none
    };

    struct Input
    {
        qint64 campaignId = 0;
        QList<CampaignDraft::Variant> variants;
        int holdOutPercent = 0;
        QList<ThroughputPlanner::Sender> senders; // the pool, in round-robin order
        SendTimePlanner::Schedule schedule;
        QTimeZone accountZone = QTimeZone::utc();
        QuietHours quietHours;
        QList<Recipient> recipients;
        // Segments of recipient i's text in variant v; every text is 1 segment when unset.
        std::function<int(qsizetype recipient, int variant)> segments;
    };

    struct Planned
    {
        int variant = HoldOut; // index into Input::variants, or HoldOut
        qint64 senderId = 0;   // 0 for the hold-out
        qint64 plannedAtMSecs = 0;
        bool sticky = false;
    };

    struct Result
    {
        QString error; // set when nothing was planned
        QList<Planned> recipients;
        QList<qsizetype> perVariant; // recipients per variant, in variant order
        qsizetype heldOut = 0;
        qint64 finishMSecs = 0;
        int deferredByQuietHours = 0; // recipients whose scheduled moment was in quiet hours
        int stickyKept = 0;
        bool ok() const { return error.isEmpty(); }
    };

    static Result plan(const Input &input, qint64 nowMSecs);

    // The split key of a recipient without a contact: its number's digits.
    static qint64 splitKey(const Recipient &recipient);
};
