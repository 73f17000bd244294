// The account's numbers that belong to a Messaging Service (as last listed at the provider),
// and the switch that sends a number's messages through its service. Run on the writer thread.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

class MessagingServiceRows
{
public:
    struct Entry
    {
        QString number;
        QString serviceSid;
        QString serviceName;
        bool sendThrough = false;
    };

    explicit MessagingServiceRows(QSqlDatabase db);

    // Replaces the account's pools with `entries` (their sendThrough is ignored): a number
    // still in a service keeps its switch; a number new to a pool gets `sendThroughNew`.
    bool replace(qint64 accountId, const QList<Entry> &entries, bool sendThroughNew);
    // Every pooled number of the account (number empty: all of them) sends through its
    // service, or not.
    bool setSendThrough(qint64 accountId, const QString &number, bool on);
    QList<Entry> list(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    bool fail(const class QSqlQuery &query);

    QSqlDatabase m_db;
    QString m_error;
};
