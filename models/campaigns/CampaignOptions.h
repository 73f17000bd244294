// What the campaign editor offers: the account's sender numbers and approved template versions.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class CampaignOptions
{
public:
    struct Choice
    {
        qint64 id = 0;
        QString label;
        double segmentsPerSecond = 0; // senders only
        int dailyCap = 0;             // senders only, 0: none
    };

    explicit CampaignOptions(QSqlDatabase db);

    // "+14155550100 Support line (1 seg/s)", in number order; numbers that cannot text
    // (voice only) are left out.
    std::optional<QList<Choice>> senders(qint64 accountId);
    // "Promo v2", approved versions only, newest template first.
    std::optional<QList<Choice>> approvedVersions(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
