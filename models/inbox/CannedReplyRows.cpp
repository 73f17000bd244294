#include "CannedReplyRows.h"

#include "StoreLogging.h"
#include "TemplateText.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

CannedReplyRows::CannedReplyRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<CannedReplyRows::Reply>> CannedReplyRows::replies(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, name, body, team_id FROM canned_replies WHERE account_id = :account "
              u"ORDER BY name COLLATE NOCASE, id"_s);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec()) {
        m_error = u"Cannot read the canned replies: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return std::nullopt;
    }
    QList<Reply> result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toString()});
    m_error.clear();
    return result;
}

qint64 CannedReplyRows::add(qint64 accountId, const QString &name, const QString &body)
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty()) {
        m_error = u"A canned reply needs a name."_s;
        return 0;
    }
    if (body.trimmed().isEmpty()) {
        m_error = u"A canned reply needs a text."_s;
        return 0;
    }
    const TemplateText text(body);
    if (!text.isWellFormed()) {
        m_error = u"The canned reply's text has a malformed token: "_s +
                  text.syntaxErrors().constFirst().message;
        return 0;
    }
    QSqlQuery exists(m_db);
    exists.prepare(u"SELECT 1 FROM canned_replies WHERE account_id = :account AND name = :name"_s);
    exists.bindValue(u":account"_s, accountId);
    exists.bindValue(u":name"_s, trimmedName);
    if (exists.exec() && exists.next()) {
        m_error = u"A canned reply named \u201c"_s + trimmedName + u"\u201d already exists."_s;
        return 0;
    }
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO canned_replies (account_id, name, body, team_id) "
              u"VALUES (:account, :name, :body, :team)"_s);
    // The team-wide id: the same reply on every desktop, whatever its local id.
    q.bindValue(u":team"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":name"_s, trimmedName);
    q.bindValue(u":body"_s, body);
    if (!q.exec()) {
        m_error = u"Cannot save the canned reply: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return 0;
    }
    m_error.clear();
    return q.lastInsertId().toLongLong();
}
