#include "ConsentCsv.h"

#include "ConsentRows.h"
#include "ContactLimits.h"
#include "CsvReader.h"
#include "PhoneNumber.h"
#include "Savepoint.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace {
const QString formulaStarts = u"=+-@\t\r"_s;
} // namespace

QStringList ConsentCsv::exportColumns()
{
    return {u"occurred_at"_s, u"contact_number"_s, u"sender_number"_s, u"kind"_s, u"source"_s,
            u"detail"_s,      u"opt_in_copy"_s,    u"message_sid"_s,   u"actor"_s};
}

QStringList ConsentCsv::importColumns()
{
    return {u"number"_s, u"occurred_at"_s, u"source"_s, u"opt_in_copy"_s, u"sender_number"_s};
}

QString ConsentCsv::neutralise(const QString &field)
{
    // OWASP's CSV-injection advice: a spreadsheet runs a cell that starts with one of these
    // as a formula (DDE "=cmd|' /C calc'!A0"), quoted or not; a leading apostrophe makes it
    // text. Numbers in E.164 start with '+', so they carry the apostrophe too.
    if (!field.isEmpty() && formulaStarts.contains(field.front()))
        return u'\'' + field;
    return field;
}

QString ConsentCsv::unneutralise(const QString &field)
{
    if (field.size() > 1 && field.front() == u'\'' && formulaStarts.contains(field.at(1)))
        return field.mid(1);
    return field;
}

QString ConsentCsv::quote(const QString &field)
{
    static const QString special = u",\"\r\n"_s;
    const QString cell = neutralise(field);
    bool needs = false;
    for (const QChar c : cell)
        needs = needs || special.contains(c);
    if (!needs)
        return cell;
    QString escaped = cell;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString ConsentCsv::toCsv(const QList<ConsentEvent> &events)
{
    QString out = exportColumns().join(u',') + u"\r\n"_s;
    for (const ConsentEvent &e : events) {
        const QStringList fields = {e.occurredAt.toUTC().toString(Qt::ISODateWithMs),
                                    e.contactNumber,
                                    e.senderNumber,
                                    ConsentEvent::kindToString(e.kind),
                                    ConsentEvent::sourceToString(e.source),
                                    e.detail,
                                    e.optInCopy,
                                    e.messageSid,
                                    e.actor};
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(quote(field));
        out += quoted.join(u',') + u"\r\n"_s;
    }
    return out;
}

bool ConsentCsv::splitRecords(const QString &csv, QList<QStringList> *records, QList<int> *lines,
                              QString *error)
{
    // The contact import's reader: the same quoting rules and the same limits.
    CsvReader reader(csv.toUtf8());
    if (!reader.readHeader()) {
        // No header is no record, not an error.
        if (reader.error().startsWith(u"the file is empty"_s))
            return true;
        *error = reader.error();
        return false;
    }
    records->append(reader.header());
    lines->append(1);
    QStringList fields;
    int row = 0;
    while (reader.next(&fields, &row)) {
        records->append(fields);
        lines->append(row);
    }
    *error = reader.error();
    return error->isEmpty();
}

ConsentCsv::Parsed ConsentCsv::parseOptIns(const QString &csv, const QString &actor,
                                           const QString &defaultRegion, const QDateTime &now)
{
    Parsed parsed;
    QList<QStringList> records;
    QList<int> lines;
    QString error;
    if (!splitRecords(csv, &records, &lines, &error)) {
        // A duplicate or unreadable header is the header's error; others name their row.
        parsed.errors.append({lines.isEmpty() ? 1 : 0, error});
        return parsed;
    }
    if (records.isEmpty()) {
        parsed.errors.append({1, u"the file is empty: the first line must name the columns"_s});
        return parsed;
    }
    const QStringList header = records.first();
    QHash<QString, int> column;
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed().toLower();
        if (!importColumns().contains(name)) {
            parsed.errors.append({1, u"unknown column “%1”: the columns are %2"_s.arg(
                                         header.at(i), importColumns().join(u", "_s))});
        } else if (column.contains(name)) {
            parsed.errors.append({1, u"column “%1” appears twice"_s.arg(name)});
        } else {
            column.insert(name, i);
        }
    }
    for (const QString &required : {u"number"_s, u"occurred_at"_s}) {
        if (!column.contains(required))
            parsed.errors.append({1, u"column “%1” is missing"_s.arg(required)});
    }
    if (!parsed.errors.isEmpty())
        return parsed;

    for (qsizetype r = 1; r < records.size(); ++r) {
        const QStringList &fields = records.at(r);
        const int line = lines.at(r);
        const auto fail = [&](const QString &message) { parsed.errors.append({line, message}); };
        if (fields.size() != header.size()) {
            fail(u"%1 fields, but the header names %2"_s.arg(fields.size()).arg(header.size()));
            continue;
        }
        const auto value = [&](const QString &name) {
            // An export of ours neutralised formula-like cells; read them back as they were.
            return column.contains(name) ? unneutralise(fields.at(column.value(name)).trimmed())
                                         : QString();
        };
        ConsentEvent event;
        event.kind = ConsentEvent::Kind::OptIn;
        event.actor = actor;
        bool good = true;
        const PhoneNumberParse number = PhoneNumber::parse(value(u"number"_s), defaultRegion);
        if (!number.ok()) {
            fail(u"number: "_s + number.errorMessage);
            good = false;
        }
        event.contactNumber = number.number.canonical();
        if (const QString sender = value(u"sender_number"_s); !sender.isEmpty()) {
            const PhoneNumberParse ours = PhoneNumber::parse(sender, defaultRegion);
            if (!ours.ok()) {
                fail(u"sender_number: "_s + ours.errorMessage);
                good = false;
            }
            event.senderNumber = ours.number.canonical();
        }
        const QString at = value(u"occurred_at"_s);
        event.occurredAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (at.isEmpty()) {
            fail(u"occurred_at is missing: when did the customer opt in?"_s);
            good = false;
        } else if (!event.occurredAt.isValid() || event.occurredAt.timeSpec() == Qt::LocalTime) {
            fail(u"occurred_at “%1” is not a timestamp with a time zone: use ISO 8601, e.g. "
                 u"2026-11-23T09:30:00Z"_s.arg(at));
            good = false;
        } else if (event.occurredAt > now) {
            fail(u"occurred_at “%1” is in the future"_s.arg(at));
            good = false;
        }
        const QString source = value(u"source"_s).toLower();
        const auto parsedSource = source.isEmpty() ? std::optional(ConsentEvent::Source::Import)
                                                   : ConsentEvent::sourceFromString(source);
        if (!parsedSource || *parsedSource == ConsentEvent::Source::ProviderError) {
            fail(u"source “%1” is not one of form, import, agent, keyword"_s.arg(source));
            good = false;
        } else {
            event.source = *parsedSource;
        }
        event.optInCopy = value(u"opt_in_copy"_s);
        if (const QString problem = ContactLimits::check(u"opt_in_copy"_s, event.optInCopy,
                                                         ContactLimits::MaxConsentCopyChars, true);
            !problem.isEmpty()) {
            fail(problem);
            good = false;
        }
        if (good)
            parsed.events.append(event);
    }
    return parsed;
}

ConsentCsv::ImportResult ConsentCsv::importOptIns(QSqlDatabase db, qint64 accountId,
                                                  const QString &csv, const QString &actor,
                                                  const QString &defaultRegion)
{
    ImportResult result;
    Parsed parsed = parseOptIns(csv, actor, defaultRegion);
    result.errors = parsed.errors;
    if (!result.errors.isEmpty())
        return result;
    // A savepoint, so a team change can wrap the import with its ops (TeamShare).
    Savepoint tx(db, u"consent_import"_s);
    if (!tx.begin()) {
        result.storeError = tx.errorString();
        return result;
    }
    {
        ConsentRows rows(db);
        for (const ConsentEvent &event : std::as_const(parsed.events)) {
            if (!rows.record(accountId, event)) {
                result.storeError = rows.errorString();
                return result;
            }
        }
    } // the prepared insert ends before the commit
    if (!tx.release()) {
        result.storeError = tx.errorString();
        return result;
    }
    result.imported = int(parsed.events.size());
    result.events = parsed.events;
    return result;
}
