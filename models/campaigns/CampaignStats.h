// Live counts of a campaign per variant: queued, sent, delivered, failed, replied, opted out.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class CampaignStats
{
public:
    struct Counts
    {
        QString variant; // a label, "holdout", or "" for the campaign's total
        qint64 recipients = 0;
        qint64 queued = 0; // pending or handed to the outbox
        qint64 sent = 0;   // accepted by the provider (delivered included)
        qint64 delivered = 0;
        qint64 failed = 0;   // refused, or undelivered/failed later
        qint64 replied = 0;  // the customer wrote back after the campaign's text
        qint64 optedOut = 0; // skipped as opted out, or opted out after the text
        qint64 skipped = 0;  // every skip, canceled ones included
        bool operator==(const Counts &) const = default;
    };

    explicit CampaignStats(QSqlDatabase db);

    // One row per variant in label order (the hold-out last), then the total ("").
    std::optional<QList<Counts>> counts(qint64 campaignId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
