// The canned_replies table: an account's named reply bodies, which may carry template tokens.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class CannedReplyRows
{
public:
    struct Reply
    {
        qint64 id = 0;
        QString name;
        QString body;   // may contain {{tokens}}, rendered against the contact when used
        QString teamId; // the reply on every desktop of the team
    };

    explicit CannedReplyRows(QSqlDatabase db);

    // The account's replies by name; nullopt on a read error.
    std::optional<QList<Reply>> replies(qint64 accountId);
    // Adds one; returns its id, or 0 with errorString() when the name or body is blank, the
    // body's tokens are malformed, or the account already has a reply of that name.
    qint64 add(qint64 accountId, const QString &name, const QString &body);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
