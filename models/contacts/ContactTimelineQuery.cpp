#include "ContactTimelineQuery.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

ContactTimelineQuery::ContactTimelineQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<ContactTimelineQuery::Entry>>
ContactTimelineQuery::load(qint64 accountId, const QString &number, int limit)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT m.id, t.id, s.number, m.direction, m.body, m.status, m.created_at "
              u"FROM threads t JOIN messages m ON m.thread_id = t.id "
              u"JOIN sender_numbers s ON s.id = t.sender_number_id "
              u"WHERE t.account_id = ? AND t.customer_number = ? "
              u"ORDER BY m.created_at DESC, m.id DESC LIMIT ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(number);
    q.addBindValue(limit);
    if (!q.exec()) {
        m_error = u"cannot read the contact's messages: "_s + q.lastError().text();
        return std::nullopt;
    }
    QList<Entry> entries;
    while (q.next()) {
        Entry e;
        e.messageId = q.value(0).toLongLong();
        e.threadId = q.value(1).toLongLong();
        e.ourNumber = q.value(2).toString();
        e.inbound = q.value(3).toString() == u"in";
        e.body = q.value(4).toString();
        e.status = q.value(5).toString();
        e.at = q.value(6).toLongLong();
        entries.append(e);
    }
    return entries;
}
