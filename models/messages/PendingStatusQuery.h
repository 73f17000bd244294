// Outbound messages the provider accepted whose status may still change (queued, sending,
// sent...): the sync engine asks the provider about each of them again after a run.
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class PendingStatusQuery
{
public:
    explicit PendingStatusQuery(QSqlDatabase db);

    // The provider sids of the account's outbound messages not in a final status yet, least
    // recently updated first. nullopt on a database error (errorString()).
    std::optional<QStringList> sids(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
