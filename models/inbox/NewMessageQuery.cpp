#include "NewMessageQuery.h"

#include "PhoneNumber.h"
#include "StoreLogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

NewMessageQuery::NewMessageQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

QList<NewMessage> NewMessageQuery::inbound(qint64 accountId, const QList<qint64> &messageIds)
{
    m_error.clear();
    if (messageIds.isEmpty())
        return {};
    // The ids travel as one bound JSON array, so the statement stays fixed whatever their count.
    QJsonArray ids;
    for (const qint64 id : messageIds)
        ids.append(id);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The thread must belong to the same account as the message: a second guard, beside the
    // message's own account, against showing one client's message in another's desktop.
    const bool prepared = q.prepare(
        u"SELECT m.id, m.thread_id, m.account_id, m.from_number, COALESCE(c.name, ''), s.label, "
        u"s.number, m.body, t.assignee, m.created_at "
        u"FROM messages m "
        u"JOIN threads t ON t.id = m.thread_id AND t.account_id = m.account_id "
        u"JOIN sender_numbers s ON s.id = t.sender_number_id "
        u"LEFT JOIN contacts c ON c.account_id = m.account_id AND c.number = m.from_number "
        u"WHERE m.account_id = :account AND m.direction = 'in' "
        u"AND m.id IN (SELECT value FROM json_each(:ids)) "
        u"ORDER BY m.created_at, m.id"_s);
    if (!prepared) {
        m_error = u"Cannot prepare the new message query: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":ids"_s, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        m_error = u"Cannot read new messages: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    QList<NewMessage> result;
    while (q.next()) {
        NewMessage m;
        m.id = q.value(0).toLongLong();
        m.threadId = q.value(1).toLongLong();
        m.accountId = q.value(2).toLongLong();
        const QString name = q.value(4).toString();
        m.customer = name.isEmpty() ? PhoneNumber::displayForm(q.value(3).toString()) : name;
        const QString label = q.value(5).toString();
        m.sender = label.isEmpty() ? PhoneNumber::displayForm(q.value(6).toString()) : label;
        m.preview = preview(q.value(7).toString());
        m.assignee = q.value(8).toString();
        m.createdAt = q.value(9).toLongLong();
        result.append(m);
    }
    return result;
}

int NewMessageQuery::unreadCount(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT total(unread_count) FROM threads WHERE account_id = :account"_s);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec() || !q.next()) {
        m_error = u"Cannot count unread messages: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return -1;
    }
    m_error.clear();
    return int(q.value(0).toLongLong());
}

QString NewMessageQuery::preview(const QString &body, int length)
{
    const QString line = body.simplified();
    if (line.size() <= length)
        return line;
    return line.left(length - 1).trimmed() + QChar(0x2026);
}
