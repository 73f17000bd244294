#include "ContactListQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

// The newest message of any of the contact's threads (with any of our numbers), aggregated
// once per query: a correlated subquery per contact picked the by-recent index and scanned
// every thread for each contact (3 s a page of 3,000 contacts; this is ~10 ms).
const QString LastJoin =
    u" LEFT JOIN (SELECT customer_number, MAX(last_message_at) AS at FROM threads "
    u"WHERE account_id = ? GROUP BY customer_number) l ON l.customer_number = c.number"_s;
const QString LastAt = u"COALESCE(l.at, 0)"_s;

// The sort key as a row value, ascending; number last makes every key unique. Contacts with
// no name go after the named ones; last message ascends by its negation (newest first).
QStringList keyOf(ContactListQuery::Sort sort)
{
    switch (sort) {
    case ContactListQuery::Sort::Name:
        return {u"c.name = ''"_s, u"c.name COLLATE NOCASE"_s, u"c.number"_s};
    case ContactListQuery::Sort::Number:
        return {u"c.number"_s};
    case ContactListQuery::Sort::LastMessage:
        return {u"-"_s + LastAt, u"c.number"_s};
    }
    return {u"c.number"_s};
}

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

// The search's WHERE terms and their values, appended to `where` and `values`.
void addSearch(const QString &search, QStringList *where, QVariantList *values)
{
    const QString text = search.trimmed();
    if (text.isEmpty())
        return;
    QStringList any{u"c.name LIKE ? ESCAPE '\\'"_s, u"c.number LIKE ? ESCAPE '\\'"_s,
                    u"EXISTS (SELECT 1 FROM json_each(c.tags) WHERE json_each.value LIKE ? "
                    u"ESCAPE '\\')"_s};
    const QString pattern = likePattern(text);
    *values << pattern << pattern << pattern;
    // "(415) 555-01" finds +1415555010x: compare digits when the text is a phone number's.
    static const QRegularExpression phoneish(u"^[+0-9 ().-]+$"_s);
    QString digits = text;
    digits.remove(QRegularExpression(u"[^0-9]"_s));
    if (phoneish.match(text).hasMatch() && !digits.isEmpty() && digits != text) {
        any << u"c.number LIKE ?"_s;
        *values << QString(u'%' + digits + u'%');
    }
    *where << u'(' + any.join(u" OR "_s) + u')';
}

} // namespace

ContactListQuery::ContactListQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<ContactListQuery::Page> ContactListQuery::page(const Request &request)
{
    m_error.clear();
    const int limit = request.limit > 0 ? request.limit : DefaultPageSize;
    const QStringList key = keyOf(request.sort);
    const int length = int(key.size());
    QStringList where{u"c.account_id = ?"_s};
    QVariantList values{request.accountId};
    addSearch(request.search, &where, &values);
    if (!request.after.isNull()) {
        if (request.after.key.size() != length) {
            m_error = u"the page cursor does not fit this sort order"_s;
            return std::nullopt;
        }
        QStringList marks;
        for (int i = 0; i < length; ++i)
            marks << u"?"_s;
        where << u"(%1) %2 (%3)"_s.arg(key.join(u", "_s), request.descending ? u"<"_s : u">"_s,
                                       marks.join(u", "_s));
        values += request.after.key;
    }
    QStringList order;
    for (const QString &term : key)
        order << term + (request.descending ? u" DESC"_s : QString());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The key's columns come back after the row's so the cursor is the database's own values.
    const QString sql = u"SELECT c.id, c.number, c.name, c.tags, c.text_enabled, "_s + LastAt +
                        u", "_s + key.join(u", "_s) + u" FROM contacts c"_s + LastJoin +
                        u" WHERE "_s + where.join(u" AND "_s) + u" ORDER BY "_s +
                        order.join(u", "_s) + u" LIMIT ?"_s;
    if (!q.prepare(sql)) {
        m_error = u"cannot list contacts: "_s + q.lastError().text();
        return std::nullopt;
    }
    q.addBindValue(request.accountId);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    q.addBindValue(limit + 1);
    if (!q.exec()) {
        m_error = u"cannot list contacts: "_s + q.lastError().text();
        return std::nullopt;
    }
    Page page;
    while (q.next()) {
        if (page.rows.size() == limit)
            break;
        Row row;
        row.id = q.value(0).toLongLong();
        row.number = q.value(1).toString();
        row.name = q.value(2).toString();
        for (const QJsonValue &tag : QJsonDocument::fromJson(q.value(3).toByteArray()).array())
            row.tags << tag.toString();
        row.textEnabled = q.value(4).toString();
        row.lastMessageAt = q.value(5).toLongLong();
        page.rows.append(row);
        page.next.key.clear();
        for (int i = 0; i < length; ++i)
            page.next.key << q.value(6 + i);
    }
    page.atEnd = page.rows.size() < limit || !q.isValid();
    return page;
}

std::optional<ContactListQuery::Row> ContactListQuery::contact(qint64 accountId,
                                                               const QString &number)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT c.id, c.number, c.name, c.tags, c.text_enabled, "_s + LastAt +
              u", c.attributes, c.time_zone FROM contacts c"_s + LastJoin +
              u" WHERE c.account_id = ? AND c.number = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(accountId);
    q.addBindValue(number);
    if (!q.exec()) {
        m_error = u"cannot read the contact: "_s + q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Row row;
    row.id = q.value(0).toLongLong();
    row.number = q.value(1).toString();
    row.name = q.value(2).toString();
    for (const QJsonValue &tag : QJsonDocument::fromJson(q.value(3).toByteArray()).array())
        row.tags << tag.toString();
    row.textEnabled = q.value(4).toString();
    row.lastMessageAt = q.value(5).toLongLong();
    row.attributes = QJsonDocument::fromJson(q.value(6).toByteArray()).object().toVariantMap();
    row.timeZone = q.value(7).toString();
    return row;
}

int ContactListQuery::count(const Request &request)
{
    m_error.clear();
    QStringList where{u"c.account_id = ?"_s};
    QVariantList values{request.accountId};
    addSearch(request.search, &where, &values);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT COUNT(*) FROM contacts c WHERE "_s + where.join(u" AND "_s));
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (!q.exec() || !q.next()) {
        m_error = u"cannot count contacts: "_s + q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}
