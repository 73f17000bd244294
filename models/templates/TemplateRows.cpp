#include "TemplateRows.h"

#include "Savepoint.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

const QString VersionColumns = u"v.id, v.template_id, v.version, v.body, v.state, v.author, "
                               u"v.approver, v.approved_at "_s;

// Reads VersionColumns starting at column `first`.
TemplateRows::Version readVersion(const QSqlQuery &q, int first = 0)
{
    TemplateRows::Version v;
    v.id = q.value(first).toLongLong();
    v.templateId = q.value(first + 1).toLongLong();
    v.number = q.value(first + 2).toInt();
    v.body = q.value(first + 3).toString();
    v.stage = TemplateVersionState::stageFromString(q.value(first + 4).toString())
                  .value_or(TemplateVersionState::Stage::Draft);
    v.author = q.value(first + 5).toString();
    v.approver = q.value(first + 6).toString();
    if (!q.value(first + 7).isNull())
        v.approvedAt = QDateTime::fromMSecsSinceEpoch(q.value(first + 7).toLongLong(), Qt::UTC);
    return v;
}

} // namespace

TemplateRows::TemplateRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool TemplateRows::fail(const QString &message)
{
    m_error = message;
    return false;
}

qint64 TemplateRows::failId(const QString &message)
{
    m_error = message;
    return 0;
}

QStringList TemplateRows::attributeNames(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT DISTINCT j.key FROM contacts c, json_each(c.attributes) j "
              u"WHERE c.account_id = ? ORDER BY j.key"_s);
    q.addBindValue(accountId);
    QStringList names;
    if (!q.exec()) {
        m_error = u"cannot read contact attributes: "_s + q.lastError().text();
        return names;
    }
    while (q.next())
        names << q.value(0).toString();
    return names;
}

bool TemplateRows::checkBody(qint64 accountId, const QString &body, TemplateType type)
{
    m_validation.clear();
    if (body.trimmed().isEmpty())
        return fail(u"a template needs a body"_s);
    const QStringList attributes = attributeNames(accountId);
    m_validation = TemplateText(body).validate(attributes, type);
    if (m_validation.isEmpty())
        return true;
    QStringList messages;
    for (const TemplateText::Error &error : std::as_const(m_validation))
        messages << error.message;
    return fail(u"the template cannot be saved: "_s + messages.join(u"; "_s));
}

std::optional<TemplateType> TemplateRows::typeOf(qint64 accountId, qint64 templateId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT type FROM templates WHERE id = ? AND account_id = ?"_s);
    q.addBindValue(templateId);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next()) {
        fail(u"no template with id %1 in this account"_s.arg(templateId));
        return std::nullopt;
    }
    const auto type = TemplateTypes::fromString(q.value(0).toString());
    if (!type)
        fail(
            u"template %1 has an unknown type \"%2\""_s.arg(templateId).arg(q.value(0).toString()));
    return type;
}

qint64 TemplateRows::insertVersion(qint64 templateId, const QString &body, const QString &author)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO template_versions (template_id, version, body, author) "
              u"VALUES (?, (SELECT coalesce(max(version), 0) + 1 FROM template_versions "
              u"WHERE template_id = ?), ?, ?)"_s);
    q.addBindValue(templateId);
    q.addBindValue(templateId);
    q.addBindValue(body);
    q.addBindValue(author);
    if (!q.exec())
        return failId(u"cannot save the template version: "_s + q.lastError().text());
    return q.lastInsertId().toLongLong();
}

qint64 TemplateRows::create(qint64 accountId, const QString &name, TemplateType type,
                            const QString &body, const QString &author)
{
    m_error.clear();
    m_validation.clear();
    if (name.trimmed().isEmpty())
        return failId(u"a template needs a name"_s);
    if (author.trimmed().isEmpty())
        return failId(u"a template needs its author"_s);
    if (!checkBody(accountId, body, type))
        return 0;
    Savepoint tx(m_db, u"template_change"_s);
    if (!tx.begin())
        return failId(tx.errorString());
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO templates (account_id, name, type, team_id) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(accountId);
    q.addBindValue(name.trimmed());
    q.addBindValue(TemplateTypes::toString(type));
    // The team-wide id: the same template on every desktop, whatever its local id.
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!q.exec()) {
        const QString why = q.lastError().text();
        tx.rollback();
        if (why.contains(u"UNIQUE"_s))
            return failId(u"a template named \"%1\" already exists"_s.arg(name.trimmed()));
        return failId(u"cannot create the template: "_s + why);
    }
    const qint64 templateId = q.lastInsertId().toLongLong();
    if (insertVersion(templateId, body, author) == 0 || !tx.release()) {
        tx.rollback();
        return 0;
    }
    return templateId;
}

qint64 TemplateRows::newVersion(qint64 accountId, qint64 templateId, const QString &body,
                                const QString &author)
{
    m_error.clear();
    m_validation.clear();
    const auto type = typeOf(accountId, templateId);
    if (!type || !checkBody(accountId, body, *type))
        return 0;
    return insertVersion(templateId, body, author);
}

bool TemplateRows::editDraft(qint64 accountId, qint64 versionId, const QString &body)
{
    m_error.clear();
    m_validation.clear();
    const auto v = version(accountId, versionId);
    if (!v)
        return false;
    if (v->stage != TemplateVersionState::Stage::Draft)
        return fail(u"version %1 is %2: only a draft can be edited; save a new version instead"_s
                        .arg(v->number)
                        .arg(TemplateVersionState::toString(v->stage)));
    const auto type = typeOf(accountId, v->templateId);
    if (!type || !checkBody(accountId, body, *type))
        return false;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE template_versions SET body = ? WHERE id = ? AND state = 'draft'"_s);
    q.addBindValue(body);
    q.addBindValue(versionId);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(u"cannot edit the draft: "_s + q.lastError().text());
    return true;
}

qint64 TemplateRows::saveDraft(qint64 accountId, qint64 templateId, const QString &name,
                               TemplateType type, const QString &body, const QString &author)
{
    m_error.clear();
    m_validation.clear();
    if (name.trimmed().isEmpty())
        return failId(u"a template needs a name"_s);
    const auto current = summary(accountId, templateId);
    if (!current)
        return 0;
    if (!checkBody(accountId, body, type))
        return 0;
    Savepoint tx(m_db, u"template_change"_s);
    if (!tx.begin())
        return failId(tx.errorString());
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE templates SET name = ?, type = ? WHERE id = ? AND account_id = ?"_s);
    q.addBindValue(name.trimmed());
    q.addBindValue(TemplateTypes::toString(type));
    q.addBindValue(templateId);
    q.addBindValue(accountId);
    if (!q.exec()) {
        const QString why = q.lastError().text();
        tx.rollback();
        if (why.contains(u"UNIQUE"_s))
            return failId(u"a template named \"%1\" already exists"_s.arg(name.trimmed()));
        return failId(u"cannot save the template: "_s + why);
    }
    qint64 draftId = 0;
    if (current->latest.stage == TemplateVersionState::Stage::Draft) {
        q.prepare(u"UPDATE template_versions SET body = ? WHERE id = ?"_s);
        q.addBindValue(body);
        q.addBindValue(current->latest.id);
        if (q.exec())
            draftId = current->latest.id;
        else
            m_error = u"cannot edit the draft: "_s + q.lastError().text();
    } else if (current->latest.body != body) {
        draftId = insertVersion(templateId, body, author);
    } else {
        // Only the name or type changed: the approved text stays as it was approved.
        draftId = current->latest.id;
    }
    if (draftId == 0 || !tx.release()) {
        tx.rollback();
        return 0;
    }
    return draftId;
}

bool TemplateRows::audit(qint64 accountId, const QString &actor, const QString &action,
                         const Version &v, const QDateTime &at)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO audit_log (account_id, actor, action, subject_type, subject_id, "
              u"details, occurred_at) VALUES (?, ?, ?, 'template_version', ?, ?, ?)"_s);
    q.addBindValue(accountId);
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(v.id);
    const QJsonObject details{{u"template_id"_s, v.templateId}, {u"version"_s, v.number}};
    q.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    q.addBindValue(at.toMSecsSinceEpoch());
    if (!q.exec())
        return fail(u"cannot write the audit log: "_s + q.lastError().text());
    return true;
}

bool TemplateRows::approve(qint64 accountId, qint64 versionId, const QString &approver,
                           const QDateTime &at)
{
    m_error.clear();
    m_validation.clear();
    const auto v = version(accountId, versionId);
    if (!v)
        return false;
    const auto state = TemplateVersionState::fromStored(TemplateVersionState::toString(v->stage),
                                                        v->approver, v->approvedAt);
    if (!state.ok())
        return fail(state.error);
    const auto next = state.state->approve(approver, at);
    if (!next.ok())
        return fail(next.error);
    const auto type = typeOf(accountId, v->templateId);
    if (!type || !checkBody(accountId, v->body, *type))
        return false;
    Savepoint tx(m_db, u"template_change"_s);
    if (!tx.begin())
        return fail(tx.errorString());
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE template_versions SET state = 'approved', approver = ?, approved_at = ? "
              u"WHERE id = ? AND state = 'draft'"_s);
    q.addBindValue(next.state->approver());
    q.addBindValue(at.toMSecsSinceEpoch());
    q.addBindValue(versionId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        const QString why = q.lastError().text();
        tx.rollback();
        return fail(u"cannot approve the version: "_s +
                    (why.isEmpty() ? u"it is no longer a draft"_s : why));
    }
    if (!audit(accountId, next.state->approver(), u"template.approve"_s, *v, at) || !tx.release()) {
        tx.rollback();
        return false;
    }
    return true;
}

bool TemplateRows::retire(qint64 accountId, qint64 versionId, const QString &actor,
                          const QDateTime &at)
{
    m_error.clear();
    const auto v = version(accountId, versionId);
    if (!v)
        return false;
    if (actor.trimmed().isEmpty())
        return fail(u"retiring needs who does it"_s);
    const auto state = TemplateVersionState::fromStored(TemplateVersionState::toString(v->stage),
                                                        v->approver, v->approvedAt);
    if (!state.ok())
        return fail(state.error);
    const auto next = state.state->retire();
    if (!next.ok())
        return fail(next.error);
    Savepoint tx(m_db, u"template_change"_s);
    if (!tx.begin())
        return fail(tx.errorString());
    QSqlQuery q(m_db);
    q.prepare(
        u"UPDATE template_versions SET state = 'retired' WHERE id = ? AND state = 'approved'"_s);
    q.addBindValue(versionId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        const QString why = q.lastError().text();
        tx.rollback();
        return fail(u"cannot retire the version: "_s +
                    (why.isEmpty() ? u"it is no longer approved"_s : why));
    }
    if (!audit(accountId, actor.trimmed(), u"template.retire"_s, *v, at) || !tx.release()) {
        tx.rollback();
        return false;
    }
    return true;
}

std::optional<TemplateRows::Version> TemplateRows::version(qint64 accountId, qint64 versionId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + VersionColumns +
              u"FROM template_versions v JOIN templates t ON t.id = v.template_id "
              u"WHERE v.id = ? AND t.account_id = ?"_s);
    q.addBindValue(versionId);
    q.addBindValue(accountId);
    if (!q.exec()) {
        fail(u"cannot read the template version: "_s + q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        fail(u"no template version with id %1 in this account"_s.arg(versionId));
        return std::nullopt;
    }
    return readVersion(q);
}

QList<TemplateRows::Version> TemplateRows::versions(qint64 accountId, qint64 templateId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT "_s + VersionColumns +
              u"FROM template_versions v JOIN templates t ON t.id = v.template_id "
              u"WHERE t.id = ? AND t.account_id = ? ORDER BY v.version"_s);
    q.addBindValue(templateId);
    q.addBindValue(accountId);
    QList<Version> result;
    if (!q.exec()) {
        fail(u"cannot read template versions: "_s + q.lastError().text());
        return result;
    }
    while (q.next())
        result << readVersion(q);
    return result;
}

QList<TemplateRows::Summary> TemplateRows::list(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT t.id, t.name, t.type, "_s + VersionColumns +
              u", (SELECT a.id FROM template_versions a WHERE a.template_id = t.id AND "
              u"a.state = 'approved' ORDER BY a.version DESC LIMIT 1), t.team_id "
              u"FROM templates t JOIN template_versions v ON v.template_id = t.id AND "
              u"v.version = (SELECT max(version) FROM template_versions WHERE template_id = t.id) "
              u"WHERE t.account_id = ? ORDER BY t.name COLLATE NOCASE, t.id"_s);
    q.addBindValue(accountId);
    QList<Summary> result;
    if (!q.exec()) {
        fail(u"cannot list templates: "_s + q.lastError().text());
        return result;
    }
    while (q.next()) {
        Summary s;
        s.id = q.value(0).toLongLong();
        s.name = q.value(1).toString();
        s.type =
            TemplateTypes::fromString(q.value(2).toString()).value_or(TemplateType::Transactional);
        s.latest = readVersion(q, 3);
        s.approvedVersionId = q.value(11).toLongLong();
        s.teamId = q.value(12).toString();
        result << s;
    }
    return result;
}

std::optional<TemplateRows::Summary> TemplateRows::summary(qint64 accountId, qint64 templateId)
{
    for (const Summary &s : list(accountId)) {
        if (s.id == templateId)
            return s;
    }
    fail(u"no template with id %1 in this account"_s.arg(templateId));
    return std::nullopt;
}

std::optional<TemplateRows::SegmentPrice> TemplateRows::segmentPrice(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT segment_price, segment_price_unit FROM accounts WHERE id = ?"_s);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next()) {
        fail(u"cannot read the segment price of account %1"_s.arg(accountId));
        return std::nullopt;
    }
    return SegmentPrice{q.value(0).toDouble(), q.value(1).toString()};
}

bool TemplateRows::setSegmentPrice(qint64 accountId, double price)
{
    if (!(price >= 0))
        return fail(u"a segment price cannot be negative"_s);
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE accounts SET segment_price = ? WHERE id = ?"_s);
    q.addBindValue(price);
    q.addBindValue(accountId);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(u"cannot save the segment price: "_s + q.lastError().text());
    return true;
}
