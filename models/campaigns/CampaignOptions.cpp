#include "CampaignOptions.h"

#include "NumberCapabilities.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

CampaignOptions::CampaignOptions(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<CampaignOptions::Choice>> CampaignOptions::senders(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id, number, label, throughput_mps, coalesce(daily_cap, 0), capabilities "
              u"FROM sender_numbers WHERE account_id = :a AND send_only_notifications = 0 "
              u"ORDER BY number"_s);
    q.bindValue(u":a"_s, accountId);
    if (!q.exec()) {
        m_error = u"cannot read sender numbers: %1"_s.arg(q.lastError().text());
        return std::nullopt;
    }
    QList<Choice> choices;
    while (q.next()) {
        // A voice-only number would fail every text of the campaign (21606).
        if (!NumberCapabilities::canText(q.value(5).toString()))
            continue;
        const QString label = q.value(2).toString();
        const double rate = q.value(3).toDouble();
        choices.append(
            {q.value(0).toLongLong(),
             QCoreApplication::translate("CampaignOptions", "%1 (%2 seg/s)")
                 .arg(q.value(1).toString() + (label.isEmpty() ? QString() : u' ' + label))
                 .arg(rate),
             rate, q.value(4).toInt()});
    }
    return choices;
}

std::optional<QList<CampaignOptions::Choice>> CampaignOptions::approvedVersions(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT v.id, t.name, v.version FROM template_versions v JOIN templates t ON "
              u"t.id = v.template_id WHERE t.account_id = :a AND v.state = 'approved' "
              u"ORDER BY t.id DESC, v.version DESC"_s);
    q.bindValue(u":a"_s, accountId);
    if (!q.exec()) {
        m_error = u"cannot read templates: %1"_s.arg(q.lastError().text());
        return std::nullopt;
    }
    QList<Choice> choices;
    while (q.next())
        choices.append({q.value(0).toLongLong(),
                        u"%1 v%2"_s.arg(q.value(1).toString()).arg(q.value(2).toInt()), 0, 0});
    return choices;
}
