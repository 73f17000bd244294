// Campaign texts the provider holds until their time (created with SendAt): those of
// canceled campaigns still to cancel at the provider, and their outcome once canceled there.
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
        QString sid; // SM…
    };

    explicit CampaignProviderHolds(QSqlDatabase db);

    // Texts of the account's canceled campaigns the provider still holds ('scheduled'), by id.
    std::optional<QList<Held>> toCancel(qint64 accountId, int limit);
    // The provider canceled it: the message becomes 'canceled' and its recipient skipped
    // (reason 'canceled', reported to the team like any outcome). False on an error.
    bool canceled(qint64 messageId, qint64 nowMSecs);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
