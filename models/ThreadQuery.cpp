#include "ThreadQuery.h"

#include "PhoneNumber.h"
#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// Column order read by readRow().
const QString SelectColumns =
    u"SELECT t.id, t.account_id, t.customer_number, COALESCE(c.name, ''), s.label, s.number, "
    u"t.last_message_preview, t.last_message_at, t.unread_count, t.status, t.flagged, "
    u"t.assignee, COALESCE(c.text_enabled, 'unknown') "
    u"FROM threads t JOIN sender_numbers s ON s.id = t.sender_number_id "
    u"LEFT JOIN contacts c ON c.account_id = t.account_id AND c.number = t.customer_number "_s;

// Fixed SQL per filter; the only value (:me) is bound.
QString filterCondition(ThreadQuery::Filter filter)
{
    switch (filter) {
    case ThreadQuery::Filter::Unresolved:
        return u"t.status = 'open'"_s;
    case ThreadQuery::Filter::Mine:
        return u"t.status = 'open' AND t.assignee = :me AND t.assignee <> ''"_s;
    case ThreadQuery::Filter::Unassigned:
        return u"t.status = 'open' AND t.assignee = ''"_s;
    case ThreadQuery::Filter::Flagged:
        return u"t.flagged = 1"_s;
    case ThreadQuery::Filter::All:
        return u"1"_s;
    case ThreadQuery::Filter::Resolved:
        return u"t.status = 'resolved'"_s;
    }
    return u"0"_s;
}

QString display(const QString &number)
{
    // Stored numbers are canonical: E.164 parses without a region; short codes stay digits.
    const PhoneNumber parsed = PhoneNumber::parse(number, QString()).number;
    return parsed.isValid() && !parsed.isShortCode() ? parsed.formatInternational() : number;
}

ThreadRow readRow(const QSqlQuery &q)
{
    ThreadRow r;
    r.id = q.value(0).toLongLong();
    r.accountId = q.value(1).toLongLong();
    r.customerNumber = q.value(2).toString();
    r.customerDisplay = display(r.customerNumber);
    r.customerName = q.value(3).toString();
    r.senderLabel = q.value(4).toString();
    r.senderNumber = q.value(5).toString();
    r.senderDisplay = display(r.senderNumber);
    r.preview = q.value(6).toString();
    r.lastMessageAt = q.value(7).toLongLong();
    r.unreadCount = q.value(8).toInt();
    r.status = q.value(9).toString();
    r.flagged = q.value(10).toInt() != 0;
    r.assignee = q.value(11).toString();
    r.textEnabled = q.value(12).toString();
    return r;
}

} // namespace

ThreadQuery::ThreadQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

QList<ThreadRow> ThreadQuery::page(qint64 accountId, Filter filter, const QString &me,
                                   std::optional<Cursor> after, int limit)
{
    const QString sql = pageSql(filter, after.has_value());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        m_error = u"Cannot prepare the thread list query: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    q.bindValue(u":account"_s, accountId);
    if (filter == Filter::Mine)
        q.bindValue(u":me"_s, me);
    if (after) {
        q.bindValue(u":at"_s, after->lastMessageAt);
        q.bindValue(u":id"_s, after->id);
    }
    q.bindValue(u":limit"_s, limit);
    if (!q.exec()) {
        m_error = u"Cannot read the thread list: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    QList<ThreadRow> rows;
    while (q.next())
        rows.append(readRow(q));
    m_error.clear();
    return rows;
}

QString ThreadQuery::pageSql(Filter filter, bool withCursor)
{
    QString sql = SelectColumns +
                  u"WHERE t.account_id = :account AND t.last_message_at IS NOT NULL AND "_s +
                  filterCondition(filter);
    if (withCursor)
        sql += u" AND (t.last_message_at, t.id) < (:at, :id)"_s;
    sql += u" ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit"_s;
    return sql;
}

std::optional<ThreadRow> ThreadQuery::fetchRow(qint64 threadId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(SelectColumns + u"WHERE t.id = :id AND t.last_message_at IS NOT NULL"_s);
    q.bindValue(u":id"_s, threadId);
    if (!q.exec()) {
        m_error =
            u"Cannot read thread "_s + QString::number(threadId) + u": "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

std::optional<ThreadQuery::Counts> ThreadQuery::counts(qint64 accountId, const QString &me)
{
    // Column order follows Filter.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT total(status = 'open'), total(status = 'open' AND assignee = :me AND "
              u"assignee <> ''), "
              u"total(status = 'open' AND assignee = ''), total(flagged = 1), count(*), "
              u"total(status = 'resolved') FROM threads "
              u"WHERE account_id = :account AND last_message_at IS NOT NULL"_s);
    q.bindValue(u":me"_s, me);
    q.bindValue(u":account"_s, accountId);
    if (!q.exec() || !q.next()) {
        m_error = u"Cannot count threads: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return std::nullopt;
    }
    Counts result{};
    for (int i = 0; i < FilterCount; ++i)
        result[size_t(i)] = int(q.value(i).toLongLong());
    return result;
}

bool ThreadQuery::matches(const ThreadRow &row, Filter filter, const QString &me)
{
    const bool open = row.status == u"open";
    switch (filter) {
    case Filter::Unresolved:
        return open;
    case Filter::Mine:
        return open && !me.isEmpty() && row.assignee == me;
    case Filter::Unassigned:
        return open && row.assignee.isEmpty();
    case Filter::Flagged:
        return row.flagged;
    case Filter::All:
        return true;
    case Filter::Resolved:
        return row.status == u"resolved";
    }
    return false;
}

bool ThreadQuery::sortsBefore(const ThreadRow &a, const ThreadRow &b)
{
    if (a.lastMessageAt != b.lastMessageAt)
        return a.lastMessageAt > b.lastMessageAt;
    return a.id > b.id;
}
