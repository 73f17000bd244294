// Finds out whether a message create whose answer was lost reached the provider: looks for
// a message with the same From, To and body created since the attempt (less a clock-skew
// margin) whose sid no other local message carries.
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

private:
    ProviderClient *m_client;
    StoreWriter *m_writer;
    std::chrono::milliseconds m_skew{std::chrono::minutes(2)};
};
