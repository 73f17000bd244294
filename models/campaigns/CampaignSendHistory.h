// Every promotional text the team sent or has planned, per customer, for the frequency cap
// (FrequencyCap): the recipients of every campaign this desktop knows — its own and those
// shared through the team log, whose outcomes arrive as progress from the desktop that ran
// them — and campaign texts stored here without a recipient row. So a customer texted by a
// teammate's campaign this morning counts on every desktop, not only on the one that sent it.
#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class CampaignSendHistory
{
public:
    explicit CampaignSendHistory(QSqlDatabase db);

    // Customer number -> instants (UTC ms) of texts sent, on their way, or planned by an active
    // campaign, from `sinceMs` on (planned ones later than now included: they share windows).
    std::optional<QHash<QString, QList<qint64>>> sends(qint64 accountId, qint64 sinceMs);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
