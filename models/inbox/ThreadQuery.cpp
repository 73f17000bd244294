#include "ThreadQuery.h"

#include "PhoneNumber.h"
#include "StoreLogging.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// Column order read by readRow().
const QString SelectColumns =
    u"SELECT t.id, t.account_id, t.customer_number, COALESCE(c.name, ''), s.label, s.number, "
    u"t.last_message_preview, t.last_message_at, t.unread_count, t.status, t.flagged, "
    u"t.assignee, COALESCE(c.text_enabled, 'unknown'), COALESCE(t.snoozed_until, 0), "
    u"t.provider_keyword "
    u"FROM threads t JOIN sender_numbers s ON s.id = t.sender_number_id "
    u"LEFT JOIN contacts c ON c.account_id = t.account_id AND c.number = t.customer_number "_s;

// Open and not snoozed now; counts() spells the same rule without the table alias.
const QString Awake =
    u"t.status = 'open' AND (t.snoozed_until IS NULL OR t.snoozed_until <= :now)"_s;

// Fixed SQL per filter; the only values (:me, :now) are bound.
QString filterCondition(ThreadQuery::Filter filter)
{
    switch (filter) {
    case ThreadQuery::Filter::Unresolved:
        return Awake;
    case ThreadQuery::Filter::Mine:
        return Awake + u" AND t.assignee = :me AND t.assignee <> ''"_s;
    case ThreadQuery::Filter::Unassigned:
        return Awake + u" AND t.assignee = ''"_s;
    case ThreadQuery::Filter::Flagged:
        return u"t.flagged = 1"_s;
    case ThreadQuery::Filter::All:
        return u"1"_s;
    case ThreadQuery::Filter::Resolved:
        return u"t.status = 'resolved'"_s;
    case ThreadQuery::Filter::Snoozed:
        return u"t.status = 'open' AND t.snoozed_until > :now"_s;
    }
    return u"0"_s;
}

bool usesNow(ThreadQuery::Filter filter)
{
    using F = ThreadQuery::Filter;
    return filter == F::Unresolved || filter == F::Mine || filter == F::Unassigned ||
           filter == F::Snoozed;
}

ThreadRow readRow(const QSqlQuery &q, bool withDisplayForms = true)
{
    ThreadRow r;
    r.id = q.value(0).toLongLong();
    r.accountId = q.value(1).toLongLong();
    r.customerNumber = q.value(2).toString();
    r.customerName = q.value(3).toString();
    r.senderLabel = q.value(4).toString();
    r.senderNumber = q.value(5).toString();
    if (withDisplayForms)
        ThreadQuery::addDisplayForms(r);
    r.preview = q.value(6).toString();
    // On a shared short code every customer text starts with our provider keyword ("DESK
    // Is my order ready?"): the routing word, not what the customer says.
    if (const QString keyword = q.value(14).toString();
        !keyword.isEmpty() && r.preview.size() > keyword.size() &&
        r.preview.at(keyword.size()) == u' ' && r.preview.startsWith(keyword, Qt::CaseInsensitive))
        r.preview = r.preview.mid(keyword.size() + 1);
    r.lastMessageAt = q.value(7).toLongLong();
    r.unreadCount = q.value(8).toInt();
    r.status = q.value(9).toString();
    r.flagged = q.value(10).toInt() != 0;
    r.assignee = q.value(11).toString();
    r.textEnabled = q.value(12).toString();
    r.snoozedUntil = q.value(13).toLongLong();
    return r;
}

} // namespace

ThreadQuery::ThreadQuery(QSqlDatabase db)
    : m_db(std::move(db))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
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
    if (usesNow(filter))
        q.bindValue(u":now"_s, now());
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

QList<ThreadRow> ThreadQuery::fetchRows(const QList<qint64> &threadIds, bool withDisplayForms)
{
    QList<ThreadRow> rows;
    if (threadIds.isEmpty())
        return rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // One statement for any number of ids: the ids travel as one JSON array.
    q.prepare(SelectColumns + u"WHERE t.id IN (SELECT value FROM json_each(:ids)) "
                              u"AND t.last_message_at IS NOT NULL"_s);
    q.bindValue(u":ids"_s, idArray(threadIds));
    if (!q.exec()) {
        m_error = u"Cannot read threads: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return rows;
    }
    rows.reserve(threadIds.size());
    while (q.next())
        rows.append(readRow(q, withDisplayForms));
    return rows;
}

QList<qint64> ThreadQuery::threadsOfContacts(qint64 accountId, const QList<qint64> &contactIds)
{
    QList<qint64> ids;
    if (contactIds.isEmpty())
        return ids;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT t.id FROM contacts c JOIN threads t "
              u"ON t.account_id = c.account_id AND t.customer_number = c.number "
              u"WHERE c.id IN (SELECT value FROM json_each(:ids)) AND c.account_id = :account"_s);
    q.bindValue(u":ids"_s, idArray(contactIds));
    q.bindValue(u":account"_s, accountId);
    if (!q.exec()) {
        m_error = u"Cannot read the threads of contacts: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

void ThreadQuery::addDisplayForms(ThreadRow &row)
{
    row.customerDisplay = PhoneNumber::displayForm(row.customerNumber);
    row.senderDisplay = PhoneNumber::displayForm(row.senderNumber);
}

QString ThreadQuery::idArray(const QList<qint64> &ids)
{
    QString json;
    json.reserve(ids.size() * 8 + 2);
    json += u'[';
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i)
            json += u',';
        json += QString::number(ids.at(i));
    }
    json += u']';
    return json;
}

std::optional<ThreadQuery::Counts> ThreadQuery::counts(qint64 accountId, const QString &me)
{
    // Column order follows Filter.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT total(awake), total(awake AND assignee = :me AND assignee <> ''), "
              u"total(awake AND assignee = ''), total(flagged = 1), count(*), "
              u"total(status = 'resolved'), total(status = 'open' AND NOT awake) FROM "
              u"(SELECT status, assignee, flagged, (status = 'open' AND (snoozed_until IS NULL "
              u"OR snoozed_until <= :now)) AS awake FROM threads "
              u"WHERE account_id = :account AND last_message_at IS NOT NULL)"_s);
    q.bindValue(u":me"_s, me);
    q.bindValue(u":now"_s, now());
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

std::optional<qint64> ThreadQuery::nextSnoozeEnd(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT min(snoozed_until) FROM threads WHERE account_id = :account AND "
              u"status = 'open' AND snoozed_until > :now AND last_message_at IS NOT NULL"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":now"_s, now());
    if (!q.exec() || !q.next()) {
        m_error = u"Cannot read the next snooze end: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return std::nullopt;
    }
    if (q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

QStringList ThreadQuery::knownAssignees(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The team's roster first of all, then anyone a thread is (still) assigned to.
    q.prepare(u"SELECT assignee FROM threads WHERE account_id = ? AND assignee <> '' "
              u"UNION SELECT name FROM team_agents WHERE account_id = ? AND active = 1 "
              u"ORDER BY 1"_s);
    q.addBindValue(accountId);
    q.addBindValue(accountId);
    QStringList names;
    if (!q.exec()) {
        m_error = u"Cannot read the assignees: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return names;
    }
    while (q.next())
        names.append(q.value(0).toString());
    return names;
}

QList<qint64> ThreadQuery::snoozesEnded(qint64 accountId, qint64 afterMs, qint64 upToMs)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT id FROM threads WHERE account_id = :account AND snoozed_until > :after "
              u"AND snoozed_until <= :upto"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":after"_s, afterMs);
    q.bindValue(u":upto"_s, upToMs);
    QList<qint64> ids;
    if (!q.exec()) {
        m_error = u"Cannot read ended snoozes: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return ids;
    }
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

bool ThreadQuery::matches(const ThreadRow &row, Filter filter, const QString &me, qint64 nowMs)
{
    const bool open = row.status == u"open";
    const bool snoozed = open && row.snoozedUntil > nowMs;
    const bool awake = open && !snoozed;
    switch (filter) {
    case Filter::Unresolved:
        return awake;
    case Filter::Mine:
        return awake && !me.isEmpty() && row.assignee == me;
    case Filter::Unassigned:
        return awake && row.assignee.isEmpty();
    case Filter::Flagged:
        return row.flagged;
    case Filter::All:
        return true;
    case Filter::Resolved:
        return row.status == u"resolved";
    case Filter::Snoozed:
        return snoozed;
    }
    return false;
}

bool ThreadQuery::sortsBefore(const ThreadRow &a, const ThreadRow &b)
{
    if (a.lastMessageAt != b.lastMessageAt)
        return a.lastMessageAt > b.lastMessageAt;
    return a.id > b.id;
}
