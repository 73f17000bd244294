#include "ContactOpApplier.h"

#include "ContactLimits.h"
#include "StoreLogging.h"
#include "TeamOpPacker.h"
#include "TeamOutboxRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {

const QString Name = u"name"_s;
const QString Tags = u"tags"_s;
const QString Attributes = u"attributes"_s;
const QString TimeZone = u"time_zone"_s;

bool isContactNumber(const QString &number)
{
    static const QRegularExpression shape(u"^(\\+[1-9][0-9]{6,14}|[0-9]{3,8})$"_s);
    return shape.match(number).hasMatch();
}

QString compact(const QJsonValue &value)
{
    return value.isArray()
               ? QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
               : QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

bool allStrings(const QJsonValue &value)
{
    const auto strings = [](const auto &container) {
        for (const QJsonValue &v : container) {
            if (!v.isString())
                return false;
        }
        return true;
    };
    return value.isArray() ? strings(value.toArray()) : strings(value.toObject());
}

// Why a teammate's values break the limits an import or an edit here would enforce, or ''.
QString limitProblem(const QJsonValue &name, const QJsonValue &tags, const QJsonValue &attributes,
                     const QJsonValue &zone)
{
    QString problem;
    if (name.isString())
        problem = ContactLimits::checkName(name.toString());
    if (problem.isEmpty() && tags.isArray()) {
        const QJsonArray list = tags.toArray();
        problem = ContactLimits::checkTagCount(list.size());
        for (qsizetype i = 0; problem.isEmpty() && i < list.size(); ++i)
            problem = ContactLimits::checkTag(list.at(i).toString());
    }
    if (problem.isEmpty() && attributes.isObject()) {
        const QJsonObject object = attributes.toObject();
        problem = ContactLimits::checkAttributeCount(object.size());
        for (auto it = object.begin(); problem.isEmpty() && it != object.end(); ++it) {
            problem = ContactLimits::checkAttributeKey(it.key());
            if (problem.isEmpty())
                problem = ContactLimits::checkAttributeValue(it.key(), it.value().toString());
        }
    }
    if (problem.isEmpty() && zone.isString())
        problem = ContactLimits::check(u"the time zone"_s, zone.toString(),
                                       ContactLimits::MaxTimeZoneChars);
    return problem;
}

} // namespace

const QString &ContactOpApplier::kind()
{
    static const QString put = u"contact.put"_s;
    return put;
}

bool ContactOpApplier::handles(const QString &kind)
{
    return kind == ContactOpApplier::kind();
}

ContactOpApplier::ContactOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> ContactOpApplier::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return std::nullopt;
}

std::optional<QSet<QString>> ContactOpApplier::pendingFields(qint64 accountId)
{
    QSet<QString> pending;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT json_extract(op, '$.fields.contacts') FROM team_outbox "
              u"WHERE account_id = ? AND json_extract(op, '$.kind') = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(kind());
    if (!q.exec()) {
        m_error = u"cannot read the changes waiting for the team log: "_s + q.lastError().text();
        return std::nullopt;
    }
    while (q.next()) {
        const QJsonObject contacts = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        for (auto it = contacts.begin(); it != contacts.end(); ++it) {
            const QJsonObject values = it.value().toObject();
            for (auto field = values.begin(); field != values.end(); ++field)
                pending.insert(it.key() + u'|' + field.key());
        }
    }
    return pending;
}

std::optional<Outcome> ContactOpApplier::apply(qint64 accountId, const TeamOp &op,
                                               TeamOpApplier::Origin origin)
{
    m_error.clear();
    const QJsonObject contacts = op.fields.value(u"contacts"_s).toObject();
    if (contacts.isEmpty())
        return Outcome::NotApplicable;
    // While a change of ours to a contact's field waits, a teammate's older one read from the
    // log does not undo it here: ours comes later in the log and wins when it comes back.
    QSet<QString> pending;
    if (origin == TeamOpApplier::Origin::Log && TeamOutboxRows(m_db).count(accountId) > 0 &&
        !TeamOutboxRows(m_db).contains(op.id)) {
        const auto waiting = pendingFields(accountId);
        if (!waiting)
            return fail(m_error);
        pending = *waiting;
    }
    int changed = 0;
    int readable = 0;
    for (auto it = contacts.begin(); it != contacts.end(); ++it) {
        const int result = applyContact(accountId, it.key(), it.value().toObject(), pending);
        if (result == -1)
            return std::nullopt;
        if (result >= 0)
            ++readable;
        changed += result > 0 ? 1 : 0;
    }
    if (readable == 0)
        return Outcome::NotApplicable;
    return changed > 0 ? Outcome::Applied : Outcome::Unchanged;
}

int ContactOpApplier::applyContact(qint64 accountId, const QString &number,
                                   const QJsonObject &values, const QSet<QString> &pending)
{
    if (!isContactNumber(number))
        return -2;
    // Every field is checked first: an entry with a value this version cannot read is skipped
    // whole, never half-applied.
    const QJsonValue name = values.value(Name);
    const QJsonValue tags = values.value(Tags);
    const QJsonValue attributes = values.value(Attributes);
    const QJsonValue zone = values.value(TimeZone);
    if ((!name.isUndefined() && !name.isString()) ||
        (!tags.isUndefined() && !(tags.isArray() && allStrings(tags))) ||
        (!attributes.isUndefined() && !(attributes.isObject() && allStrings(attributes))) ||
        (!zone.isUndefined() && !zone.isString()))
        return -2;
    // Values past our limits or with control characters (a NUL in a name) are skipped whole:
    // the log is outside input like a CSV file.
    if (const QString problem = limitProblem(name, tags, attributes, zone); !problem.isEmpty()) {
        qCWarning(lcStore).noquote()
            << "skipped the team log's contact" << number << "-" << problem;
        return -2;
    }
    QStringList sets;
    QStringList differs;
    QVariantList bound;
    const auto set = [&](const QString &column, const QJsonValue &value, bool json) {
        if (value.isUndefined() || pending.contains(number + u'|' + column))
            return;
        // Column names are ours, never data.
        sets << (json ? u"%1 = json(?)"_s : u"%1 = ?"_s).arg(column);
        differs << (json ? u"%1 IS NOT json(?)"_s : u"%1 IS NOT ?"_s).arg(column);
        bound << (json ? QVariant(compact(value)) : QVariant(value.toString()));
    };
    set(Name, name, false);
    set(Tags, tags, true);
    set(Attributes, attributes, true);
    set(TimeZone, zone, false);
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO contacts (account_id, number) VALUES (?, ?) "
                   u"ON CONFLICT (account_id, number) DO NOTHING"_s);
    insert.addBindValue(accountId);
    insert.addBindValue(number);
    if (!insert.exec()) {
        m_error = u"cannot store a contact: "_s + insert.lastError().text();
        return -1;
    }
    const bool created = insert.numRowsAffected() > 0;
    if (sets.isEmpty())
        return created ? 1 : 0;
    QSqlQuery update(m_db);
    update.prepare(u"UPDATE contacts SET "_s + sets.join(u", "_s) +
                   u", updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) "
                   u"WHERE account_id = ? AND number = ? AND ("_s +
                   differs.join(u" OR "_s) + u')');
    for (const QVariant &value : std::as_const(bound))
        update.addBindValue(value);
    update.addBindValue(accountId);
    update.addBindValue(number);
    for (const QVariant &value : std::as_const(bound))
        update.addBindValue(value);
    if (!update.exec()) {
        m_error = u"cannot store a contact: "_s + update.lastError().text();
        return -1;
    }
    return created || update.numRowsAffected() > 0 ? 1 : 0;
}

std::optional<QList<TeamOp>>
ContactOpApplier::describe(qint64 accountId, const QStringList &numbers, const Fields &fields)
{
    m_error.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT name, tags, attributes, time_zone FROM contacts "
              u"WHERE account_id = ? AND number = ?"_s);
    QList<std::pair<QString, QJsonValue>> entries;
    entries.reserve(numbers.size());
    for (const QString &number : numbers) {
        q.bindValue(0, accountId);
        q.bindValue(1, number);
        if (!q.exec()) {
            m_error = u"cannot read contacts: "_s + q.lastError().text();
            return std::nullopt;
        }
        if (!q.next())
            continue;
        QJsonObject values;
        if (fields.name)
            values.insert(Name, q.value(0).toString());
        if (fields.tags)
            values.insert(Tags, QJsonDocument::fromJson(q.value(1).toByteArray()).array());
        if (fields.attributes)
            values.insert(Attributes, QJsonDocument::fromJson(q.value(2).toByteArray()).object());
        if (fields.timeZone)
            values.insert(TimeZone, q.value(3).toString());
        q.finish();
        // A contact with no field set still travels: it exists on every desktop.
        entries.append({number, values});
    }
    return TeamOpPacker::packObject(kind(), u"contacts"_s, entries);
}
