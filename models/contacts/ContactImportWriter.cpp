#include "ContactImportWriter.h"

#include "ContactLimits.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

#include <optional>

using namespace Qt::StringLiterals;

ContactImportWriter::ContactImportWriter(QSqlDatabase db, qint64 accountId, const QString &actor,
                                         qint64 nowMs)
    : m_db(std::move(db))
    , m_accountId(accountId)
    , m_actor(actor)
    , m_nowMs(nowMs)
    , m_upsert(m_db)
    , m_optInKnown(m_db)
    , m_consent(m_db)
{}

bool ContactImportWriter::fail(const QString &message)
{
    m_error = message;
    return false;
}

namespace {

std::optional<qint64> contactCount(QSqlDatabase db, qint64 accountId, QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT count(*) FROM contacts WHERE account_id = ?"_s);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next()) {
        *error = u"cannot count contacts: "_s + q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

} // namespace

bool ContactImportWriter::prepare(const Fields &fields)
{
    const auto before = contactCount(m_db, m_accountId, &m_error);
    if (!before)
        return false;
    m_contactsBefore = *before;
    // A re-import of the same file records each opt-in once.
    m_optInKnown.setForwardOnly(true);
    if (!m_optInKnown.prepare(
            u"SELECT 1 FROM consent_events WHERE account_id = ? AND contact_number = ? "
            u"AND occurred_at = ? AND kind = 'opt_in' AND source = 'import' LIMIT 1"_s))
        return fail(u"cannot prepare the import: "_s + m_optInKnown.lastError().text());

    // Column names are ours, never data: only which fields are mapped shapes the statement.
    QString sql =
        u"INSERT INTO contacts (account_id, number, name, attributes, tags, time_zone, "
        u"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, number) "
        u"DO UPDATE SET attributes = json_patch(contacts.attributes, excluded.attributes), "
        u"updated_at = excluded.updated_at"_s;
    if (fields.name)
        sql +=
            u", name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE contacts.name END"_s;
    if (fields.timeZone)
        sql += u", time_zone = CASE WHEN excluded.time_zone <> '' THEN excluded.time_zone "
               u"ELSE contacts.time_zone END"_s;
    if (fields.tags)
        sql += u", tags = (SELECT json_group_array(value) FROM (SELECT value FROM "
               u"json_each(contacts.tags) UNION SELECT value FROM json_each(excluded.tags)))"_s;
    // The row was checked alone; merged with what the contact has, tags and attributes can
    // pass their limits, so the statement reports the merged counts.
    sql += u" RETURNING json_array_length(tags), (SELECT count(*) FROM json_each(attributes))"_s;
    if (!m_upsert.prepare(sql))
        return fail(u"cannot prepare the import: "_s + m_upsert.lastError().text());
    return true;
}

bool ContactImportWriter::write(const ContactImport::Contact &c)
{
    m_upsert.bindValue(0, m_accountId);
    m_upsert.bindValue(1, c.number);
    m_upsert.bindValue(2, c.name.isNull() ? u""_s : c.name);
    m_upsert.bindValue(3, c.attributesJson);
    m_upsert.bindValue(4, c.tagsJson);
    m_upsert.bindValue(5, c.timeZone.isNull() ? u""_s : c.timeZone);
    m_upsert.bindValue(6, m_nowMs);
    if (!m_upsert.exec() || !m_upsert.next())
        return fail(
            u"row %1: cannot write the contact: %2"_s.arg(c.row).arg(m_upsert.lastError().text()));
    const int tags = m_upsert.value(0).toInt();
    const int attributes = m_upsert.value(1).toInt();
    m_upsert.finish();
    if (tags > ContactLimits::MaxTags)
        return fail(
            u"row %1: with the tags %2 already has, it would have %3 tags (at most %4)"_s.arg(c.row)
                .arg(c.number)
                .arg(tags)
                .arg(ContactLimits::MaxTags));
    if (attributes > ContactLimits::MaxAttributes)
        return fail(u"row %1: with the attributes %2 already has, it would have %3 attributes "
                    u"(at most %4)"_s.arg(c.row)
                        .arg(c.number)
                        .arg(attributes)
                        .arg(ContactLimits::MaxAttributes));
    ++m_written;
    if (c.consentAtMs <= 0)
        return true;
    m_optInKnown.bindValue(0, m_accountId);
    m_optInKnown.bindValue(1, c.number);
    m_optInKnown.bindValue(2, c.consentAtMs);
    if (!m_optInKnown.exec())
        return fail(u"row %1: cannot read consent events: %2"_s.arg(c.row).arg(
            m_optInKnown.lastError().text()));
    const bool known = m_optInKnown.next();
    m_optInKnown.finish();
    if (known)
        return true;
    ConsentEvent event;
    event.contactNumber = c.number;
    event.kind = ConsentEvent::Kind::OptIn;
    event.source = ConsentEvent::Source::Import;
    event.detail = c.consentSource;
    event.actor = m_actor;
    event.occurredAt = QDateTime::fromMSecsSinceEpoch(c.consentAtMs, Qt::UTC);
    if (!m_consent.record(m_accountId, event))
        return fail(u"row %1: %2"_s.arg(c.row).arg(m_consent.errorString()));
    if (m_collect)
        m_optIns.append(event);
    ++m_consentEvents;
    return true;
}

bool ContactImportWriter::finish()
{
    const auto after = contactCount(m_db, m_accountId, &m_error);
    if (!after)
        return false;
    m_inserted = int(*after - m_contactsBefore);
    m_updated = m_written - m_inserted;
    return true;
}
