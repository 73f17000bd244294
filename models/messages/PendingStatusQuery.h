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

    // The pending messages a sync still refreshes: those created since `sinceMs` (the
    // receipt window; older ones keep their last status, shown as "no receipt").
    struct Window
    {
        // Not sent yet when last seen (no sent_at), least recently updated first, at most
        // the limit asked: listing by DateSent cannot find them, so they are fetched.
        QStringList unsent;
        // The oldest sent_at among the others (0: none): listing from that day on brings
        // their statuses with the pages an incremental sync reads anyway.
        qint64 oldestSentMs = 0;
    };
    std::optional<Window> window(qint64 accountId, qint64 sinceMs, int unsentLimit);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
