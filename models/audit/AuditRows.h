// The append-only audit_log: who changed what (numbers, keyword processes, consent rules),
// written in the same transaction as the change it describes.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class AuditRows
{
public:
    struct Entry
    {
        qint64 accountId = 0;
        QString actor;
        QString action; // e.g. "keyword_process.create", "sender_number.assign"
        QString subjectType;
        qint64 subjectId = 0;
        QJsonObject details;
        qint64 occurredAtMs = 0;
    };

    explicit AuditRows(QSqlDatabase db);

    // False (errorString()) when the actor or action is missing or the insert fails.
    bool append(qint64 accountId, const QString &actor, const QString &action,
                const QString &subjectType, qint64 subjectId, const QJsonObject &details = {});

    // The account's entries, newest first (at most `limit`).
    QList<Entry> recent(qint64 accountId, int limit = 100);
    // The same, only entries about one kind of subject (e.g. "keyword_process").
    QList<Entry> recentAbout(qint64 accountId, const QString &subjectType, int limit = 100);

    QString errorString() const { return m_error; }

private:
    QList<Entry> select(qint64 accountId, const QString &subjectType, int limit);

    QSqlDatabase m_db;
    QString m_error;
};
