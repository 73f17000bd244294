#include "TextEnabledRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

TextEnabledRows::TextEnabledRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString TextEnabledRows::textEnabledFor(const QString &lineType)
{
    if (lineType == u"mobile")
        return u"yes"_s;
    if (lineType == u"landline")
        return u"no"_s;
    return u"unknown"_s;
}

QStringList TextEnabledRows::numbersNeedingLookup(qint64 accountId, qint64 nowMs, qint64 ttlMs,
                                                  int limit)
{
    QSqlQuery q(m_db);
    // Customers of threads (inbound, or typed by an agent) and contacts imported without a
    // thread yet; a thread's customer may have no contact row at all.
    const QString needsVerdict =
        u"(c.text_enabled = 'checking'"
        "  OR (c.text_enabled = 'unknown' AND c.text_enabled_source IN ('', 'lookup')"
        "      AND c.text_enabled_checked_at IS NULL)"
        "  OR (c.text_enabled_source = 'lookup' AND c.text_enabled_checked_at < :stale))"_s;
    q.prepare(u"SELECT number FROM ("
              "  SELECT t.customer_number AS number FROM threads t"
              "  LEFT JOIN contacts c ON c.account_id = t.account_id"
              "    AND c.number = t.customer_number"
              "  WHERE t.account_id = :account AND (c.id IS NULL OR "_s +
              needsVerdict +
              u")"
              "  UNION"
              "  SELECT c.number FROM contacts c WHERE c.account_id = :account AND "_s +
              needsVerdict + u") WHERE number LIKE '+%' ORDER BY number LIMIT :limit"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":stale"_s, nowMs - ttlMs);
    q.bindValue(u":limit"_s, limit);
    QStringList numbers;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return numbers;
    }
    while (q.next())
        numbers << q.value(0).toString();
    return numbers;
}

bool TextEnabledRows::upsert(qint64 accountId, const QString &number, const QString &textEnabled,
                             const QString &lineType, const QString &source, qint64 checkedAt,
                             qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(
        u"INSERT INTO contacts (account_id, number, text_enabled, line_type, "
        "text_enabled_source, text_enabled_checked_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (account_id, number) DO UPDATE SET text_enabled = excluded.text_enabled, "
        "line_type = excluded.line_type, text_enabled_source = excluded.text_enabled_source, "
        "text_enabled_checked_at = excluded.text_enabled_checked_at, "
        "updated_at = excluded.updated_at"_s);
    q.addBindValue(accountId);
    q.addBindValue(number);
    // A null QString binds as SQL NULL; these NOT NULL columns hold '' for "none".
    q.addBindValue(textEnabled);
    q.addBindValue(lineType.isNull() ? u""_s : lineType);
    q.addBindValue(source.isNull() ? u""_s : source);
    q.addBindValue(checkedAt > 0 ? QVariant(checkedAt) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(nowMs);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return false;
    }
    return true;
}

bool TextEnabledRows::markChecking(qint64 accountId, const QString &number, qint64 nowMs)
{
    return upsert(accountId, number, u"checking"_s, QString(), QString(), 0, nowMs);
}

bool TextEnabledRows::recordLookup(qint64 accountId, const QString &number, const QString &lineType,
                                   qint64 nowMs)
{
    return upsert(accountId, number, textEnabledFor(lineType), lineType, u"lookup"_s, nowMs, nowMs);
}

bool TextEnabledRows::clearChecking(qint64 accountId, const QString &number, qint64 nowMs)
{
    return upsert(accountId, number, u"unknown"_s, QString(), u"lookup"_s, nowMs, nowMs);
}

int TextEnabledRows::markUndeliverable(qint64 accountId, qint64 nowMs)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO contacts (account_id, number, text_enabled, text_enabled_source, "
              "text_enabled_checked_at, updated_at) "
              "SELECT DISTINCT m.account_id, m.to_number, 'no', 'delivery_error', ?, ? "
              "FROM messages m WHERE m.account_id = ? AND m.direction = 'out' "
              "AND m.error_code = 30006 "
              "ON CONFLICT (account_id, number) DO UPDATE SET text_enabled = 'no', "
              "text_enabled_source = 'delivery_error', "
              "text_enabled_checked_at = excluded.text_enabled_checked_at, "
              "updated_at = excluded.updated_at "
              "WHERE contacts.text_enabled_source <> 'delivery_error'"_s);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(accountId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return -1;
    }
    return q.numRowsAffected();
}

QList<qint64> TextEnabledRows::threadsOf(qint64 accountId, const QString &number)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id FROM threads WHERE account_id = ? AND customer_number = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(number);
    QList<qint64> ids;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return ids;
    }
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}
