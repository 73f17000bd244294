// Campaign texts the provider holds until their time (created with SendAt): those to cancel
// there (their campaign was canceled, or their customer opted out after they were created: the
// provider would send them anyway), and their outcome once canceled.
// Run on the writer thread.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class CampaignProviderHolds
{
public:
    struct Held
    {
        qint64 messageId = 0;
        qint64 campaignId = 0;
        QString sid;    // SM…
        QString reason; // the recipient's: 'canceled' or 'opted_out'
    };

    explicit CampaignProviderHolds(QSqlDatabase db);

    // Texts the provider still holds ('scheduled') of the account's canceled campaigns, or
    // whose customer opted out (for every number or this one) since they were created; by id.
    std::optional<QList<Held>> toCancel(qint64 accountId, int limit);
    // The provider canceled it: the message becomes 'canceled' and its recipient skipped with
    // `reason` (reported to the team like any outcome). False on an error.
    bool canceled(qint64 messageId, const QString &reason, qint64 nowMSecs);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
