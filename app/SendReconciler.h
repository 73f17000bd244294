// Finds out whether a message create whose answer was lost reached the provider: looks for
// a message with the same From and To, the same body modulo what the provider rewrites (a
// trial account's prefix, Smart Encoding's replacements), created since the attempt on the
// provider's clock (from its Date header; a clock-skew margin when unknown), whose sid no
// other local message carries. Twilio has no idempotency key: what this cannot tell apart
// is in docs/OUTBOX.md.
#pragma once

#include "OutboxRows.h"
#include "ProviderClient.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

class StoreWriter;

class SendReconciler : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        std::optional<ProviderMessage> found; // the provider has it
        std::optional<ProviderError> error;   // could not tell (retry the reconcile later)
    };
    using Done = std::function<void(const Outcome &)>;

    SendReconciler(ProviderClient *client, StoreWriter *writer, QObject *parent = nullptr);

    void setClockSkew(std::chrono::milliseconds skew) { m_skew = skew; }
    void reconcile(const OutboxRow &row, Done done);

    static constexpr qint64 ProviderClockMarginMs = 2000;
    static QString trialPrefix();
    // The provider's copy of a body composed here, as a trial account and Smart Encoding
    // send it.
    static bool sameBody(const QString &composed, const QString &listed);
    // The earliest date_created (provider clock, ms) a message of this attempt can have.
    static qint64 windowStartMs(qint64 attemptMs, std::optional<qint64> providerOffsetMs,
                                std::chrono::milliseconds skew);

private:
    ProviderClient *m_client;
    StoreWriter *m_writer;
    std::chrono::milliseconds m_skew{std::chrono::minutes(2)};
};
