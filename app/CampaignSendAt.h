// Campaigns let the provider hold their texts: each stored campaign message gets its
// recipient's planned time as `scheduled_at`, and the outbox then creates it at the provider
// with SendAt when its number sends through a Messaging Service and the time is inside the
// SendAt window — it leaves with every desktop closed — or holds it until then otherwise.
// CampaignRunner takes such recipients early (CampaignQueue::takeForProvider) and cancels the
// provider-held texts of a canceled campaign, or to a customer who opted out since, through
// cancelHeld(). See docs/SCHEDULING.md.
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include "CampaignProviderHolds.h"

#include <functional>
#include <optional>

class Outbox;
class ProviderClient;
class StoreWriter;

namespace CampaignSendAt {

struct Planned
{
    qint64 messageId = 0; // stored by insertOutgoing ("campaign:<id>:<n>"), still queued
    qint64 atMs = 0;      // the recipient's planned send time (SendTimePlanner), ms UTC
};

// The SendAt the provider would get for a text planned at atMs from a number that sends
// through a Messaging Service: nullopt when the outbox must hold it instead (too near, too far,
// already due).
std::optional<QDateTime> providerSendAt(qint64 atMs, qint64 nowMs);

// Writes every planned time (one writer job), then hands the messages to `outbox`
// (Outbox::adopt). `done` (unless `context` is gone) gets how many were scheduled, or an error.
void schedule(StoreWriter *writer, Outbox *outbox, const QList<Planned> &planned, QObject *context,
              std::function<void(int scheduled, const QString &error)> done);

enum class CancelOutcome
{
    Canceled,    // canceled at the provider and here (the recipient is skipped, held.reason)
    AlreadyLeft, // the provider sent it already (30409); sync records it as sent
    Retry,       // the provider could not answer; ask again later
};

// Updates a provider-held campaign text to Status=canceled at the provider, then records it
// here. `done` (unless `context` is gone) gets the outcome and any error to report.
void cancelHeld(StoreWriter *writer, ProviderClient *provider,
                const CampaignProviderHolds::Held &held, QObject *context,
                std::function<void(CancelOutcome, const QString &error)> done);

} // namespace CampaignSendAt
