#include "ConversationQuery.h"

#include "ContactValues.h"

#include "PhoneNumber.h"
#include "StoreLogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

ConversationQuery::ConversationQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString ConversationQuery::displayNumber(const QString &canonical)
{
    return PhoneNumber::displayForm(canonical);
}

QHash<QString, QString> ConversationQuery::Header::templateValues() const
{
    QHash<QString, QString> values = attributes;
    ContactValues::addContactFields(values, customerName, customerDisplay);
    return values;
}

std::optional<ConversationQuery::Header> ConversationQuery::header(qint64 accountId,
                                                                   qint64 threadId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT t.customer_number, COALESCE(c.name, ''), COALESCE(c.attributes, '{}'), "
              u"COALESCE(c.text_enabled, 'unknown'), COALESCE(c.line_type, ''), s.number, "
              u"s.label FROM threads t JOIN sender_numbers s ON s.id = t.sender_number_id "
              u"LEFT JOIN contacts c ON c.account_id = t.account_id "
              u"AND c.number = t.customer_number "
              u"WHERE t.id = :thread AND t.account_id = :account"_s);
    q.bindValue(u":thread"_s, threadId);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec()) {
        m_error =
            u"Cannot read thread "_s + QString::number(threadId) + u": "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return std::nullopt;
    }
    if (!q.next()) {
        m_error = u"Thread "_s + QString::number(threadId) + u" is not in account "_s +
                  QString::number(accountId);
        return std::nullopt;
    }
    Header h;
    h.threadId = threadId;
    h.accountId = accountId;
    h.customerNumber = q.value(0).toString();
    h.customerDisplay = displayNumber(h.customerNumber);
    h.customerName = q.value(1).toString();
    const QJsonObject attributes = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        h.attributes.insert(it.key(), it.value().toString());
    h.textEnabled = q.value(3).toString();
    h.lineType = q.value(4).toString();
    h.senderNumber = q.value(5).toString();
    h.senderDisplay = displayNumber(h.senderNumber);
    h.senderLabel = q.value(6).toString();
    m_error.clear();
    return h;
}

QList<ConversationQuery::LinkedThread> ConversationQuery::linkedThreads(qint64 accountId,
                                                                        qint64 threadId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT o.id, s.number, s.label FROM threads t "
              u"JOIN threads o ON o.account_id = t.account_id "
              u"AND o.customer_number = t.customer_number AND o.id <> t.id "
              u"JOIN sender_numbers s ON s.id = o.sender_number_id "
              u"WHERE t.id = :thread AND t.account_id = :account "
              u"ORDER BY o.last_message_at IS NULL, o.last_message_at DESC, o.id DESC"_s);
    q.bindValue(u":thread"_s, threadId);
    q.bindValue(u":account"_s, accountId);
    QList<LinkedThread> result;
    if (!q.exec()) {
        m_error = u"Cannot read the customer's other threads: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return result;
    }
    while (q.next()) {
        LinkedThread t;
        t.threadId = q.value(0).toLongLong();
        t.senderNumber = q.value(1).toString();
        t.senderDisplay = displayNumber(t.senderNumber);
        t.senderLabel = q.value(2).toString();
        result.append(t);
    }
    m_error.clear();
    return result;
}
