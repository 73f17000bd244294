// What a desktop that takes a campaign over from a teammate needs (run on the writer thread):
// its sender numbers, since when texts of it may have left, and the recipients it still thinks
// pending; and recording those the provider shows were texted by the previous runner, so they
// are never texted twice.
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class CampaignTakeoverRows
{
public:
    struct Open
    {
        QStringList senders; // E.164
        qint64 sinceMs = 0;  // texts of the campaign are not older than this
        qint64 pending = 0;  // recipients not settled here
    };

    explicit CampaignTakeoverRows(QSqlDatabase db);

    std::optional<Open> open(qint64 campaignId);
    // Pending recipients whose number (To) the provider shows a text to from one of the
    // campaign's senders: sent, with that sid, reported to the team. Returns how many.
    std::optional<int> recordFound(qint64 campaignId, const QHash<QString, QString> &sidByTo,
                                   qint64 nowMs);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
