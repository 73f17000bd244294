// The figures of the Reports screen for one account and period: per sender number (sent,
// delivered, failed, blocked, received, opt-outs, segments, cost), per local day, and the
// account's campaigns.
#pragma once

#include "CampaignRows.h"
#include "CampaignStats.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class ReportQuery
{
public:
    struct NumberFigures
    {
        qint64 senderNumberId = 0; // 0 for the account's total
        QString number;
        QString label;
        qint64 sent = 0;      // handed to the provider (not blocked, not still queued here)
        qint64 delivered = 0; // delivered or read
        qint64 failed = 0;    // failed or undelivered
        qint64 blocked = 0;   // refused here: the customer had opted out
        qint64 received = 0;
        qint64 optOuts = 0;
        qint64 segments = 0; // of the messages sent
        double cost = 0;     // what the provider charged, as a positive amount
        QString priceUnit;
        // Delivered of those with a final answer; nullopt before any.
        std::optional<double> deliveryRate() const;
    };
    struct DayFigures
    {
        QDate day; // local date
        qint64 sent = 0;
        qint64 received = 0;
    };
    struct CampaignFigures
    {
        CampaignRows::Summary campaign;
        CampaignStats::Counts total; // all time, every variant
    };
    struct Report
    {
        QList<NumberFigures> numbers;     // the account's numbers with any traffic, by number
        NumberFigures total;              // account-wide opt-outs (no number) count here only
        QList<DayFigures> days;           // every local day of the period, zero when quiet
        QList<CampaignFigures> campaigns; // newest first
    };
    struct Outcome
    {
        std::optional<Report> report;
        QString error; // when report is empty
    };

    explicit ReportQuery(QSqlDatabase db);

    // Messages created in [from, to); days from from's local date to the day before to's.
    std::optional<Report> run(qint64 accountId, const QDateTime &from, const QDateTime &to);

    // Opens its own connection to the profile, so it can run on any thread.
    static Outcome read(const QString &profilePath, qint64 accountId, const QDateTime &from,
                        const QDateTime &to);

    QString errorString() const { return m_error; }

private:
    bool readTraffic(qint64 accountId, const QDateTime &from, const QDateTime &to, Report &report);
    bool describeNumbers(const QHash<qint64, NumberFigures> &byNumber, Report &report);
    bool readOptOuts(qint64 accountId, qint64 fromMs, qint64 toMs, Report &report);
    static void add(NumberFigures &into, const NumberFigures &part);
    bool readCampaigns(qint64 accountId, Report &report);

    QSqlDatabase m_db;
    QString m_error;
};
