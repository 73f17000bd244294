#include "ReportQuery.h"

#include "Database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

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
    const bool ok = readNumbers(accountId, fromMs, toMs, report) &&
                    readOptOuts(accountId, fromMs, toMs, report) &&
                    readDays(accountId, from, to, report) && readCampaigns(accountId, report);
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

bool ReportQuery::readNumbers(qint64 accountId, qint64 fromMs, qint64 toMs, Report &report)
{
    // Threads say which of our numbers a message went through; unrouted replies have none.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT n.id, n.number, n.label, "
                  u"SUM(m.direction = 'out' AND m.status NOT IN ('blocked', 'queued', 'scheduled', "
                  u"'canceled')), "
                  u"SUM(m.direction = 'out' AND m.status IN ('delivered', 'read')), "
                  u"SUM(m.direction = 'out' AND m.status IN ('failed', 'undelivered')), "
                  u"SUM(m.direction = 'out' AND m.status = 'blocked'), "
                  u"SUM(m.direction = 'in'), "
                  u"SUM(CASE WHEN m.direction = 'out' AND m.status NOT IN ('blocked', 'queued', "
                  u"'scheduled', 'canceled') THEN m.segments ELSE 0 END), "
                  u"SUM(abs(CAST(m.price AS REAL))), MAX(m.price_unit) "
                  u"FROM messages m JOIN threads t ON t.id = m.thread_id "
                  u"JOIN sender_numbers n ON n.id = t.sender_number_id "
                  u"WHERE m.account_id = ? AND m.created_at >= ? AND m.created_at < ? "
                  u"GROUP BY n.id ORDER BY n.number"_s);
    query.addBindValue(accountId);
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    if (!query.exec()) {
        m_error = u"cannot read the figures per number: "_s + query.lastError().text();
        return false;
    }
    NumberFigures &total = report.total;
    while (query.next()) {
        NumberFigures figures;
        figures.senderNumberId = query.value(0).toLongLong();
        figures.number = query.value(1).toString();
        figures.label = query.value(2).toString();
        figures.sent = query.value(3).toLongLong();
        figures.delivered = query.value(4).toLongLong();
        figures.failed = query.value(5).toLongLong();
        figures.blocked = query.value(6).toLongLong();
        figures.received = query.value(7).toLongLong();
        figures.segments = query.value(8).toLongLong();
        figures.cost = query.value(9).toDouble();
        figures.priceUnit = query.value(10).toString();
        total.sent += figures.sent;
        total.delivered += figures.delivered;
        total.failed += figures.failed;
        total.blocked += figures.blocked;
        total.received += figures.received;
        total.segments += figures.segments;
        total.cost += figures.cost;
        if (total.priceUnit.isEmpty())
            total.priceUnit = figures.priceUnit;
        report.numbers.append(figures);
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

bool ReportQuery::readDays(qint64 accountId, const QDateTime &from, const QDateTime &to,
                           Report &report)
{
    // Local days; SQLite's 'localtime' follows the same TZ as QDateTime::toLocalTime().
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT date(created_at / 1000, 'unixepoch', 'localtime') AS day, "
                  u"SUM(direction = 'out' AND status NOT IN ('blocked', 'queued', 'scheduled', "
                  u"'canceled')), SUM(direction = 'in') FROM messages "
                  u"WHERE account_id = ? AND created_at >= ? AND created_at < ? "
                  u"GROUP BY day"_s);
    query.addBindValue(accountId);
    query.addBindValue(from.toMSecsSinceEpoch());
    query.addBindValue(to.toMSecsSinceEpoch());
    if (!query.exec()) {
        m_error = u"cannot read the figures per day: "_s + query.lastError().text();
        return false;
    }
    QHash<QDate, DayFigures> byDay;
    while (query.next()) {
        DayFigures day;
        day.day = QDate::fromString(query.value(0).toString(), Qt::ISODate);
        day.sent = query.value(1).toLongLong();
        day.received = query.value(2).toLongLong();
        byDay.insert(day.day, day);
    }
    const QDate last = to.toLocalTime().addMSecs(-1).date();
    for (QDate day = from.toLocalTime().date(); day <= last; day = day.addDays(1)) {
        DayFigures figures = byDay.value(day);
        figures.day = day;
        report.days.append(figures);
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
