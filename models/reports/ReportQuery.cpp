#include "ReportQuery.h"

#include "Database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

std::optional<double> ReportQuery::NumberFigures::deliveryRate() const
{
    const qint64 answered = delivered + failed;
    if (answered == 0)
        return std::nullopt;
    return double(delivered) / double(answered);
}

ReportQuery::ReportQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<ReportQuery::Report> ReportQuery::run(qint64 accountId, const QDateTime &from,
                                                    const QDateTime &to)
{
    m_error.clear();
    if (!from.isValid() || !to.isValid() || from >= to) {
        m_error = u"a report needs a period whose start is before its end"_s;
        return std::nullopt;
    }
    if (accountId <= 0) {
        m_error = u"a report is of one account"_s;
        return std::nullopt;
    }
    Report report;
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    // One read transaction: the three parts agree even while sync writes.
    if (!m_db.transaction()) {
        m_error = u"cannot begin reading the report: "_s + m_db.lastError().text();
        return std::nullopt;
    }
    const bool ok = readTraffic(accountId, from, to, report) &&
                    readOptOuts(accountId, fromMs, toMs, report) &&
                    readCampaigns(accountId, report);
    m_db.rollback();
    if (!ok)
        return std::nullopt;
    return report;
}

ReportQuery::Outcome ReportQuery::read(const QString &profilePath, qint64 accountId,
                                       const QDateTime &from, const QDateTime &to)
{
    Outcome outcome;
    Database database(profilePath);
    if (!database.open()) {
        outcome.error = database.errorString();
        return outcome;
    }
    ReportQuery query(database.connection());
    outcome.report = query.run(accountId, from, to);
    outcome.error = query.errorString();
    return outcome;
}

bool ReportQuery::readTraffic(qint64 accountId, const QDateTime &from, const QDateTime &to,
                              Report &report)
{
    // Grouped by our number and UTC quarter hour, then mapped to local days here: every zone in
    // use is a whole number of quarter hours from UTC (DST included), so a quarter hour lies in
    // one local day, without asking SQLite for local time per row. A period on quarter-hour
    // boundaries (whole local days are) reads the rollups (0019) maintained with the messages;
    // any other period reads the messages themselves, as before the rollups (slow: found by
    // scanning, there is no index by account and time).
    constexpr qint64 Bucket = 15 * 60 * 1000;
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    const bool whole = fromMs % Bucket == 0 && toMs % Bucket == 0;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (whole) {
        query.prepare(u"SELECT nullif(sender_number_id, 0), quarter, "
                      u"SUM(CASE WHEN direction = 'out' AND status NOT IN ('blocked', 'queued', "
                      u"'scheduled', 'canceled') THEN messages ELSE 0 END), "
                      u"SUM(CASE WHEN direction = 'out' AND status IN ('delivered', 'read') "
                      u"THEN messages ELSE 0 END), "
                      u"SUM(CASE WHEN direction = 'out' AND status IN ('failed', 'undelivered') "
                      u"THEN messages ELSE 0 END), "
                      u"SUM(CASE WHEN direction = 'out' AND status = 'blocked' THEN messages "
                      u"ELSE 0 END), "
                      u"SUM(CASE WHEN direction = 'in' THEN messages ELSE 0 END), "
                      u"SUM(CASE WHEN direction = 'out' AND status NOT IN ('blocked', 'queued', "
                      u"'scheduled', 'canceled') THEN segments ELSE 0 END), "
                      u"SUM(cost), MAX(price_unit) "
                      u"FROM message_rollups WHERE account_id = ? AND quarter >= ? AND quarter < ? "
                      u"GROUP BY 1, 2"_s);
        query.addBindValue(accountId);
        query.addBindValue(fromMs / Bucket);
        query.addBindValue(toMs / Bucket);
    } else {
        query.prepare(
            u"SELECT t.sender_number_id, m.created_at / ? AS bucket, "
            u"SUM(m.direction = 'out' AND m.status NOT IN ('blocked', 'queued', 'scheduled', "
            u"'canceled')), "
            u"SUM(m.direction = 'out' AND m.status IN ('delivered', 'read')), "
            u"SUM(m.direction = 'out' AND m.status IN ('failed', 'undelivered')), "
            u"SUM(m.direction = 'out' AND m.status = 'blocked'), "
            u"SUM(m.direction = 'in'), "
            u"SUM(CASE WHEN m.direction = 'out' AND m.status NOT IN ('blocked', 'queued', "
            u"'scheduled', 'canceled') THEN m.segments ELSE 0 END), "
            u"SUM(abs(CAST(m.price AS REAL))), MAX(m.price_unit) "
            u"FROM messages m LEFT JOIN threads t ON t.id = m.thread_id "
            u"WHERE m.account_id = ? AND m.created_at >= ? AND m.created_at < ? "
            u"GROUP BY 1, 2"_s);
        query.addBindValue(Bucket);
        query.addBindValue(accountId);
        query.addBindValue(fromMs);
        query.addBindValue(toMs);
    }
    if (!query.exec()) {
        m_error = u"cannot read the messages of the period: "_s + query.lastError().text();
        return false;
    }
    QHash<qint64, NumberFigures> byNumber;
    // The period's local days and where each starts (DST included). Mapping a row's quarter
    // hour by search here instead of toLocalTime() per row: that cost ~75 us a row (Qt reads
    // the zone each time), 670 ms for 30 days of a busy account.
    const QDate first = from.toLocalTime().date();
    const QDate last = to.toLocalTime().addMSecs(-1).date();
    for (QDate day = first; day <= last; day = day.addDays(1))
        report.days.append({day, 0, 0});
    std::vector<qint64> starts; // ms
    starts.reserve(report.days.size());
    for (const DayFigures &day : std::as_const(report.days))
        starts.push_back(day.day.startOfDay().toMSecsSinceEpoch());
    NumberFigures &total = report.total;
    while (query.next()) {
        NumberFigures part;
        part.sent = query.value(2).toLongLong();
        part.delivered = query.value(3).toLongLong();
        part.failed = query.value(4).toLongLong();
        part.blocked = query.value(5).toLongLong();
        part.received = query.value(6).toLongLong();
        part.segments = query.value(7).toLongLong();
        part.cost = query.value(8).toDouble();
        part.priceUnit = query.value(9).toString();
        const qint64 at = query.value(1).toLongLong() * Bucket;
        const auto next = std::upper_bound(starts.cbegin(), starts.cend(), at);
        if (next != starts.cbegin()) {
            DayFigures &figures = report.days[next - starts.cbegin() - 1];
            figures.sent += part.sent;
            figures.received += part.received;
        }
        add(total, part);
        // Unrouted replies (no thread) count in the day and the total, under no number.
        if (!query.value(0).isNull())
            add(byNumber[query.value(0).toLongLong()], part);
    }
    query.finish();
    if (!describeNumbers(byNumber, report))
        return false;
    return true;
}

void ReportQuery::add(NumberFigures &into, const NumberFigures &part)
{
    into.sent += part.sent;
    into.delivered += part.delivered;
    into.failed += part.failed;
    into.blocked += part.blocked;
    into.received += part.received;
    into.segments += part.segments;
    into.cost += part.cost;
    if (into.priceUnit.isEmpty())
        into.priceUnit = part.priceUnit;
}

bool ReportQuery::describeNumbers(const QHash<qint64, NumberFigures> &byNumber, Report &report)
{
    // By id, not by account: a send-only number lent by another account is named too.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, number, label FROM sender_numbers ORDER BY number"_s)) {
        m_error = u"cannot read the sender numbers: "_s + query.lastError().text();
        return false;
    }
    while (query.next()) {
        const auto figures = byNumber.constFind(query.value(0).toLongLong());
        if (figures == byNumber.cend())
            continue;
        NumberFigures row = *figures;
        row.senderNumberId = figures.key();
        row.number = query.value(1).toString();
        row.label = query.value(2).toString();
        report.numbers.append(row);
    }
    return true;
}

bool ReportQuery::readOptOuts(qint64 accountId, qint64 fromMs, qint64 toMs, Report &report)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT sender_number, COUNT(*) FROM consent_events WHERE account_id = ? "
                  u"AND kind = 'opt_out' AND occurred_at >= ? AND occurred_at < ? "
                  u"GROUP BY sender_number"_s);
    query.addBindValue(accountId);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec()) {
        m_error = u"cannot read the opt-outs: "_s + query.lastError().text();
        return false;
    }
    QHash<QString, qsizetype> rowOf;
    for (qsizetype i = 0; i < report.numbers.size(); ++i)
        rowOf.insert(report.numbers.at(i).number, i);
    while (query.next()) {
        const QString sender = query.value(0).toString();
        const qint64 count = query.value(1).toLongLong();
        report.total.optOuts += count;
        const auto row = rowOf.constFind(sender);
        if (row != rowOf.cend())
            report.numbers[*row].optOuts += count;
    }
    return true;
}

bool ReportQuery::readCampaigns(qint64 accountId, Report &report)
{
    CampaignRows rows(m_db);
    const auto campaigns = rows.list(accountId);
    if (!campaigns) {
        m_error = rows.errorString();
        return false;
    }
    CampaignStats stats(m_db);
    for (const CampaignRows::Summary &campaign : *campaigns) {
        const auto counts = stats.counts(campaign.id);
        if (!counts || counts->isEmpty()) {
            m_error = stats.errorString();
            return false;
        }
        report.campaigns.append({campaign, counts->constLast()});
    }
    return true;
}
