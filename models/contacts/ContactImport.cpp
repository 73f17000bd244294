#include "ContactImport.h"

#include "ContactImportWriter.h"
#include "PhoneNumber.h"
#include "Savepoint.h"
#include "StoreLogging.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

using namespace Qt::StringLiterals;
using Field = ContactImport::Column::Field;

namespace {

QString snakeCase(const QString &header)
{
    QString out;
    for (const QChar c : header.trimmed().toLower()) {
        if (c.isLetterOrNumber())
            out.append(c);
        else if (!out.isEmpty() && !out.endsWith(u'_'))
            out.append(u'_');
    }
    while (out.endsWith(u'_'))
        out.chop(1);
    if (!out.isEmpty() && out.at(0).isDigit())
        out.prepend(u'_');
    return out;
}

bool isAttributeKey(const QString &key)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_.\\-]*$"_s);
    return re.match(key).hasMatch();
}

QString cell(const QStringList &row, int column)
{
    return column < row.size() ? row.at(column).trimmed() : QString();
}

QStringList splitTags(const QString &text)
{
    QStringList tags;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text.at(i) != u';' && text.at(i) != u',' && text.at(i) != u'|')
            continue;
        const QString tag = text.mid(start, i - start).trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags << tag;
        start = i + 1;
    }
    return tags;
}

} // namespace

QString ContactImport::Column::target() const
{
    switch (field) {
    case Field::Ignore:
        return u"ignore"_s;
    case Field::Number:
        return u"number"_s;
    case Field::Name:
        return u"name"_s;
    case Field::Attribute:
        return u"attributes."_s + attribute;
    case Field::Tags:
        return u"tags"_s;
    case Field::TimeZone:
        return u"time_zone"_s;
    case Field::ConsentSource:
        return u"consent_source"_s;
    case Field::ConsentAt:
        return u"consent_at"_s;
    }
    return {};
}

std::optional<ContactImport::Column> ContactImport::Column::fromTarget(const QString &target,
                                                                       QString *error)
{
    const QString t = target.trimmed();
    if (t.startsWith(u"attributes."_s)) {
        const QString key = t.mid(11);
        if (!isAttributeKey(key)) {
            *error = u"\"%1\" is no attribute name: use letters, digits, '_', '-' or '.', "
                     u"starting with a letter or '_'"_s.arg(key);
            return std::nullopt;
        }
        return Column{Field::Attribute, key};
    }
    for (const Field f : {Field::Ignore, Field::Number, Field::Name, Field::Tags, Field::TimeZone,
                          Field::ConsentSource, Field::ConsentAt}) {
        if (Column{f, {}}.target() == t)
            return Column{f, {}};
    }
    *error = u"unknown column target \"%1\": use number, name, attributes.<key>, tags, "
             u"time_zone, consent_source, consent_at or ignore"_s.arg(t);
    return std::nullopt;
}

QList<ContactImport::Column> ContactImport::guessMapping(const QStringList &header)
{
    static const QHash<QString, Field> known{
        {u"number"_s, Field::Number},
        {u"phone"_s, Field::Number},
        {u"phone_number"_s, Field::Number},
        {u"mobile"_s, Field::Number},
        {u"mobile_number"_s, Field::Number},
        {u"cell"_s, Field::Number},
        {u"msisdn"_s, Field::Number},
        {u"name"_s, Field::Name},
        {u"full_name"_s, Field::Name},
        {u"contact_name"_s, Field::Name},
        {u"tags"_s, Field::Tags},
        {u"tag"_s, Field::Tags},
        {u"time_zone"_s, Field::TimeZone},
        {u"timezone"_s, Field::TimeZone},
        {u"tz"_s, Field::TimeZone},
        {u"consent_source"_s, Field::ConsentSource},
        {u"opt_in_source"_s, Field::ConsentSource},
        {u"consent_at"_s, Field::ConsentAt},
        {u"consent_time"_s, Field::ConsentAt},
        {u"opted_in_at"_s, Field::ConsentAt},
        {u"opt_in_at"_s, Field::ConsentAt},
    };
    QList<Column> mapping;
    QSet<Field> used;
    for (const QString &name : header) {
        const QString key = snakeCase(name);
        const Field field = known.value(key, Field::Attribute);
        if (field != Field::Attribute && !used.contains(field)) {
            used.insert(field);
            mapping << Column{field, {}};
        } else if (key.isEmpty()) {
            mapping << Column{Field::Ignore, {}};
        } else {
            mapping << Column{Field::Attribute, key};
        }
    }
    return mapping;
}

QString ContactImport::mappingError(const QList<Column> &mapping, int columnCount)
{
    if (mapping.size() != columnCount)
        return u"the mapping names %1 columns but the file has %2"_s.arg(mapping.size())
            .arg(columnCount);
    QHash<QString, int> seen;
    for (const Column &column : mapping) {
        if (column.field == Field::Ignore)
            continue;
        if (column.field == Field::Attribute && !isAttributeKey(column.attribute))
            return u"\"%1\" is no attribute name"_s.arg(column.attribute);
        if (++seen[column.target()] > 1)
            return u"two columns are mapped to %1"_s.arg(column.target());
    }
    if (!seen.contains(u"number"_s))
        return u"no column is mapped to the number"_s;
    return {};
}

QList<ContactImport::Contact> ContactImport::check(const CsvTable &table,
                                                   const QList<Column> &mapping,
                                                   const Options &options, QList<RowError> *errors,
                                                   const Progress &progress)
{
    QList<Contact> contacts;
    contacts.reserve(table.rows.size());
    const int headerSize = int(table.header.size());
    const int total = int(table.rows.size());
    QHash<QString, int> firstRowOf; // number -> row
    QHash<QString, bool> zoneKnown;
    const auto header = [&](int column) {
        return column < headerSize && !table.header.at(column).isEmpty()
                   ? table.header.at(column)
                   : u"column %1"_s.arg(column + 1);
    };
    for (int r = 0; r < total; ++r) {
        const QStringList &row = table.rows.at(r);
        const int rowNumber = table.rowNumbers.at(r);
        Contact contact;
        contact.row = rowNumber;
        QJsonObject attributes;
        QStringList tags;
        int consentAtColumn = -1;
        int consentSourceColumn = -1;
        bool ok = true;
        const auto error = [&](int column, const QString &reason) {
            errors->append(RowError{rowNumber, header(column), reason});
            ok = false;
        };
        for (int c = headerSize; c < row.size(); ++c) {
            if (!row.at(c).trimmed().isEmpty())
                error(c, u"unknown column: a value beyond the %1 named columns"_s.arg(headerSize));
        }
        for (int c = 0; c < mapping.size(); ++c) {
            const QString value = cell(row, c);
            switch (mapping.at(c).field) {
            case Field::Ignore:
                break;
            case Field::Number: {
                // Only E.164 is stored: skip display formats and the type (most of the cost).
                const PhoneNumberParse parsed = PhoneNumber::parse(value, options.defaultRegion,
                                                                   PhoneNumber::Detail::Canonical);
                if (!parsed.ok()) {
                    error(c, parsed.errorMessage);
                } else if (parsed.number.isShortCode()) {
                    error(c, u"'%1' is a short code, not a customer's phone number"_s.arg(value));
                } else {
                    contact.number = parsed.number.e164();
                    const auto earlier = firstRowOf.constFind(contact.number);
                    if (earlier != firstRowOf.cend())
                        error(c, u"%1 is already on row %2"_s.arg(contact.number).arg(*earlier));
                    else
                        firstRowOf.insert(contact.number, rowNumber);
                }
                break;
            }
            case Field::Name:
                contact.name = value;
                break;
            case Field::Attribute:
                if (!value.isEmpty())
                    attributes.insert(mapping.at(c).attribute, value);
                break;
            case Field::Tags:
                tags = splitTags(value);
                break;
            case Field::TimeZone:
                if (!value.isEmpty()) {
                    auto known = zoneKnown.find(value);
                    if (known == zoneKnown.end())
                        known = zoneKnown.insert(value,
                                                 QTimeZone::isTimeZoneIdAvailable(value.toUtf8()));
                    if (*known)
                        contact.timeZone = value;
                    else
                        error(c, u"unknown time zone '%1': use an IANA id such as "
                                 u"America/Chicago"_s.arg(value));
                }
                break;
            case Field::ConsentSource:
                contact.consentSource = value;
                consentSourceColumn = c;
                break;
            case Field::ConsentAt:
                consentAtColumn = c;
                if (!value.isEmpty()) {
                    const QDateTime at = QDateTime::fromString(value, Qt::ISODateWithMs);
                    if (!at.isValid())
                        error(c, u"'%1' is not a timestamp: use ISO 8601 such as "
                                 u"2026-03-01T09:30:00Z"_s.arg(value));
                    else if (at.timeSpec() == Qt::LocalTime)
                        error(c, u"'%1' has no time zone: add Z or an offset such as "
                                 u"-05:00"_s.arg(value));
                    else if (options.nowMs > 0 && at.toMSecsSinceEpoch() > options.nowMs)
                        error(c, u"'%1' is in the future"_s.arg(value));
                    else
                        contact.consentAtMs = at.toMSecsSinceEpoch();
                }
                break;
            }
        }
        if (consentSourceColumn >= 0 && !contact.consentSource.isEmpty() &&
            contact.consentAtMs == 0 &&
            (consentAtColumn < 0 || cell(row, consentAtColumn).isEmpty()))
            error(consentAtColumn >= 0 ? consentAtColumn : consentSourceColumn,
                  u"a consent source needs the time consent was given"_s);
        if (ok) {
            contact.attributesJson =
                QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact));
            contact.tagsJson = QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
            contacts.append(std::move(contact));
        }
        if (progress && ((r + 1) % options.progressEvery == 0 || r + 1 == total))
            progress(Stage::Checking, r + 1, total);
    }
    return contacts;
}

ContactImport::Result ContactImport::run(QSqlDatabase db, qint64 accountId, const CsvTable &table,
                                         const QList<Column> &mapping, const Options &options,
                                         const Progress &progress)
{
    Result result;
    result.rows = int(table.rows.size());
    result.error = mappingError(mapping, int(table.header.size()));
    if (!result.error.isEmpty())
        return result;
    if (options.actor.trimmed().isEmpty()) {
        result.error = u"an import needs who runs it (for the consent record)"_s;
        return result;
    }
    const QList<Contact> contacts = check(table, mapping, options, &result.errors, progress);
    if (!result.errors.isEmpty() && !options.importValidRows) {
        result.error = u"%1 rows have errors: nothing was imported"_s.arg(
            QSet<int>([&] {
                QSet<int> rows;
                for (const RowError &e : std::as_const(result.errors))
                    rows.insert(e.row);
                return rows;
            }())
                .size());
        return result;
    }
    ContactImportWriter::Fields fields;
    for (const Column &column : mapping) {
        fields.name |= column.field == Field::Name;
        fields.tags |= column.field == Field::Tags;
        fields.timeZone |= column.field == Field::TimeZone;
    }

    // A savepoint, so a team change can wrap the import with its ops (TeamShare).
    Savepoint tx(db, u"contact_import"_s);
    if (!tx.begin()) {
        result.error = tx.errorString();
        return result;
    }
    const auto abort = [&](const QString &why) {
        tx.rollback();
        result.numbers.clear();
        result.optIns.clear();
        result.inserted = result.updated = result.consentEvents = 0;
        result.error = why;
        return result;
    };
    {
        ContactImportWriter writer(db, accountId, options.actor, options.nowMs);
        if (!writer.prepare(fields))
            return abort(writer.errorString());
        const int total = int(contacts.size());
        for (int i = 0; i < total; ++i) {
            if (!writer.write(contacts.at(i)))
                return abort(writer.errorString());
            if (progress && ((i + 1) % options.progressEvery == 0 || i + 1 == total))
                progress(Stage::Writing, i + 1, total);
        }
        result.inserted = writer.inserted();
        result.updated = writer.updated();
        result.consentEvents = writer.consentEvents();
        result.optIns = writer.optIns();
    } // the writer's statements end before the commit
    result.numbers.reserve(contacts.size());
    for (const Contact &contact : contacts)
        result.numbers.append(contact.number);
    if (!tx.release())
        return abort(u"cannot commit the import: "_s + tx.errorString());
    result.written = true;
    qCInfo(lcStore) << "imported contacts:" << result.inserted << "new," << result.updated
                    << "updated," << result.errors.size() << "row errors";
    return result;
}
