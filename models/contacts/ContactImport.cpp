#include "ContactImport.h"

#include "ContactImportWriter.h"
#include "ContactLimits.h"
#include "ContactRowChecker.h"
#include "CsvReader.h"
#include "Savepoint.h"
#include "StoreLogging.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

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
    return key.size() <= ContactLimits::MaxAttributeKeyChars && re.match(key).hasMatch();
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
    case Field::FirstName:
        return u"first_name"_s;
    case Field::LastName:
        return u"last_name"_s;
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
            *error = u"\"%1\" is no attribute name: use at most %2 letters, digits, '_', '-' "
                     u"or '.', starting with a letter or '_'"_s.arg(ContactLimits::shown(key))
                         .arg(ContactLimits::MaxAttributeKeyChars);
            return std::nullopt;
        }
        return Column{Field::Attribute, key};
    }
    for (const Field f :
         {Field::Ignore, Field::Number, Field::Name, Field::FirstName, Field::LastName, Field::Tags,
          Field::TimeZone, Field::ConsentSource, Field::ConsentAt}) {
        if (Column{f, {}}.target() == t)
            return Column{f, {}};
    }
    *error = u"unknown column target \"%1\": use number, name, first_name, last_name, "
             u"attributes.<key>, tags, time_zone, consent_source, consent_at or ignore"_s.arg(
                 ContactLimits::shown(t));
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
        {u"first_name"_s, Field::FirstName},
        {u"firstname"_s, Field::FirstName},
        {u"first"_s, Field::FirstName},
        {u"given_name"_s, Field::FirstName},
        {u"last_name"_s, Field::LastName},
        {u"lastname"_s, Field::LastName},
        {u"last"_s, Field::LastName},
        {u"surname"_s, Field::LastName},
        {u"family_name"_s, Field::LastName},
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
    // Attributes under the names templates and other tools use for them.
    static const QHash<QString, QString> attributeAliases{
        {u"e_mail"_s, u"email"_s},          {u"email_address"_s, u"email"_s},
        {u"e_mail_address"_s, u"email"_s},  {u"mail"_s, u"email"_s},
        {u"company_name"_s, u"company"_s},  {u"organization"_s, u"company"_s},
        {u"organisation"_s, u"company"_s},  {u"business"_s, u"company"_s},
        {u"business_name"_s, u"company"_s},
    };
    QList<Column> mapping;
    QSet<Field> used;
    QSet<QString> attributes;
    for (const QString &name : header) {
        const QString key = snakeCase(name);
        const Field field = known.value(key, Field::Attribute);
        const QString attribute = attributeAliases.value(key, key);
        if (field != Field::Attribute && !used.contains(field)) {
            used.insert(field);
            mapping << Column{field, {}};
        } else if (key.isEmpty() || attributes.contains(attribute)) {
            mapping << Column{Field::Ignore, {}};
        } else {
            attributes.insert(attribute);
            mapping << Column{Field::Attribute, attribute};
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
                                                   const Options &options, QList<RowError> *errors)
{
    QList<Contact> contacts;
    ContactRowChecker checker(table.header, mapping, options);
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        Contact contact;
        if (checker.check(table.rows.at(r), table.rowNumbers.at(r), &contact, errors))
            contacts.append(std::move(contact));
    }
    return contacts;
}

ContactImport::Result ContactImport::run(QSqlDatabase db, qint64 accountId, const CsvTable &table,
                                         const QList<Column> &mapping, const Options &options,
                                         const Progress &progress)
{
    qsizetype next = 0;
    return importRows(
        std::move(db), accountId, table.header, mapping, options, progress,
        [&](QStringList *fields, int *row, QString *) {
            if (next >= table.rows.size())
                return false;
            *fields = table.rows.at(next);
            *row = table.rowNumbers.at(next);
            ++next;
            return true;
        },
        [&] {
            return Progressed{int(next), next, qint64(table.rows.size())};
        });
}

ContactImport::Result ContactImport::run(QSqlDatabase db, qint64 accountId, CsvReader &reader,
                                         const QList<Column> &mapping, const Options &options,
                                         const Progress &progress)
{
    return importRows(
        std::move(db), accountId, reader.header(), mapping, options, progress,
        [&](QStringList *fields, int *row, QString *error) {
            if (reader.next(fields, row))
                return true;
            *error = reader.error();
            return false;
        },
        [&] {
            return Progressed{0, reader.bytesRead(), reader.bytesTotal()};
        });
}

ContactImport::Result ContactImport::importRows(QSqlDatabase db, qint64 accountId,
                                                const QStringList &header,
                                                const QList<Column> &mapping,
                                                const Options &options, const Progress &progress,
                                                const NextRow &next,
                                                const std::function<Progressed()> &position)
{
    Result result;
    result.error = mappingError(mapping, int(header.size()));
    if (!result.error.isEmpty())
        return result;
    if (options.actor.trimmed().isEmpty()) {
        result.error = u"an import needs who runs it (for the consent record)"_s;
        return result;
    }
    ContactImportWriter::Fields fields;
    for (const Column &column : mapping) {
        fields.name |= column.field == Field::Name || column.field == Field::FirstName ||
                       column.field == Field::LastName;
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
        result.inserted = result.updated = result.consentEvents = 0;
        result.error = why;
        return result;
    };
    int reported = -1;
    const auto report = [&] {
        if (!progress || reported == result.rows)
            return;
        reported = result.rows;
        Progressed p = position();
        p.rows = result.rows;
        progress(p);
    };
    const int every = qMax(1, options.progressEvery);
    {
        ContactImportWriter writer(db, accountId, options.actor, options.nowMs);
        writer.setCollect(bool(options.written));
        if (!writer.prepare(fields))
            return abort(writer.errorString());
        QStringList written;
        const auto tell = [&] {
            if (!options.written || (written.isEmpty() && writer.optIns().isEmpty()))
                return QString();
            const QString why = options.written(written, writer.takeOptIns());
            written.clear();
            return why;
        };
        const int batch = qMax(1, options.writtenBatch);
        ContactRowChecker checker(header, mapping, options);
        QList<RowError> rowErrors;
        QStringList row;
        int rowNumber = 0;
        Contact contact;
        QString readError;
        while (next(&row, &rowNumber, &readError)) {
            ++result.rows;
            rowErrors.clear();
            if (checker.check(row, rowNumber, &contact, &rowErrors)) {
                // Once a row is bad the import is rolled back: only check the rest.
                if (result.badRows == 0 || options.importValidRows) {
                    if (!writer.write(contact))
                        return abort(writer.errorString());
                    if (options.written) {
                        written.append(contact.number);
                        if (written.size() >= batch) {
                            if (const QString why = tell(); !why.isEmpty())
                                return abort(why);
                        }
                    }
                }
            } else {
                ++result.badRows;
                for (const RowError &e : std::as_const(rowErrors)) {
                    if (result.errors.size() < MaxListedErrors)
                        result.errors.append(e);
                }
            }
            if (result.rows % every == 0)
                report();
        }
        // A reader error (a bad quote, a limit, invalid UTF-8) half-way: nothing is kept.
        if (!readError.isEmpty())
            return abort(readError);
        report();
        if (!writer.finish())
            return abort(writer.errorString());
        if (result.badRows == 0 || options.importValidRows) {
            if (const QString why = tell(); !why.isEmpty())
                return abort(why);
        }
        result.inserted = writer.inserted();
        result.updated = writer.updated();
        result.consentEvents = writer.consentEvents();
    } // the writer's statements end before the commit
    if (result.badRows > 0 && !options.importValidRows)
        return abort(u"%1 rows have errors: nothing was imported"_s.arg(result.badRows));
    if (!tx.release())
        return abort(u"cannot commit the import: "_s + tx.errorString());
    result.written = true;
    qCInfo(lcStore) << "imported contacts:" << result.inserted << "new," << result.updated
                    << "updated," << result.badRows << "rows with errors";
    return result;
}
