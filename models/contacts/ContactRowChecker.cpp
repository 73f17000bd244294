#include "ContactRowChecker.h"

#include "ContactLimits.h"
#include "PhoneNumber.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Field = ContactImport::Column::Field;

namespace {

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
        // A cell of thousands of tags is refused at the cap; no need to split it all.
        if (tags.size() > ContactLimits::MaxTags)
            break;
    }
    return tags;
}

// "+14155550101" as 14155550101: E.164 holds at most 15 digits, well inside 63 bits.
qint64 numberKey(const QString &e164)
{
    return e164.mid(1).toLongLong();
}

} // namespace

ContactRowChecker::ContactRowChecker(const QStringList &header,
                                     const QList<ContactImport::Column> &mapping,
                                     const ContactImport::Options &options)
    : m_header(header)
    , m_mapping(mapping)
    , m_options(options)
{}

QString ContactRowChecker::header(int column) const
{
    return column < m_header.size() && !m_header.at(column).isEmpty()
               ? ContactLimits::shown(m_header.at(column))
               : u"column %1"_s.arg(column + 1);
}

bool ContactRowChecker::check(const QStringList &row, int rowNumber,
                              ContactImport::Contact *contact,
                              QList<ContactImport::RowError> *errors)
{
    *contact = {};
    contact->row = rowNumber;
    QJsonObject attributes;
    QStringList tags;
    QString firstName;
    QString lastName;
    int consentAtColumn = -1;
    int consentSourceColumn = -1;
    int nameColumn = -1;
    int firstNameColumn = -1;
    int attributeColumn = -1;
    bool ok = true;
    const auto error = [&](int column, const QString &reason) {
        errors->append(ContactImport::RowError{rowNumber, header(column), reason});
        ok = false;
    };
    const auto limit = [&](int column, const QString &problem) {
        if (!problem.isEmpty())
            error(column, problem);
        return problem.isEmpty();
    };
    const int headerSize = int(m_header.size());
    for (int c = headerSize; c < row.size(); ++c) {
        if (!row.at(c).trimmed().isEmpty())
            error(c, u"unknown column: a value beyond the %1 named columns"_s.arg(headerSize));
    }
    for (int c = 0; c < m_mapping.size(); ++c) {
        const QString value = cell(row, c);
        switch (m_mapping.at(c).field) {
        case Field::Ignore:
            break;
        case Field::Number: {
            // Only E.164 is stored: skip display formats and the type (most of the cost).
            const PhoneNumberParse parsed =
                PhoneNumber::parse(value, m_options.defaultRegion, PhoneNumber::Detail::Canonical);
            if (!parsed.ok()) {
                error(c, parsed.errorMessage);
            } else if (parsed.number.isShortCode()) {
                error(c, u"'%1' is a short code, not a customer's phone number"_s.arg(value));
            } else {
                contact->number = parsed.number.e164();
                const qint64 key = numberKey(contact->number);
                const auto earlier = m_firstRowOf.constFind(key);
                if (earlier != m_firstRowOf.cend())
                    error(c, u"%1 is already on row %2"_s.arg(contact->number).arg(*earlier));
                else
                    m_firstRowOf.insert(key, rowNumber);
            }
            break;
        }
        case Field::Name:
            nameColumn = c;
            if (limit(c, ContactLimits::checkName(value)))
                contact->name = value;
            break;
        case Field::FirstName:
        case Field::LastName: {
            const bool first = m_mapping.at(c).field == Field::FirstName;
            if (first)
                firstNameColumn = c;
            const QString key = first ? u"first_name"_s : u"last_name"_s;
            const QString what = first ? u"the first name"_s : u"the last name"_s;
            if (limit(c, ContactLimits::check(what, value, ContactLimits::MaxNameChars))) {
                (first ? firstName : lastName) = value;
                // Kept as attributes too: {{first_name}} reads them before splitting the name.
                if (!value.isEmpty())
                    attributes.insert(key, value);
            }
            break;
        }
        case Field::Attribute:
            attributeColumn = c;
            if (!value.isEmpty() &&
                limit(c, ContactLimits::checkAttributeValue(m_mapping.at(c).attribute, value)))
                attributes.insert(m_mapping.at(c).attribute, value);
            break;
        case Field::Tags:
            tags = splitTags(value);
            if (!limit(c, ContactLimits::checkTagCount(tags.size()))) {
                tags.clear();
                break;
            }
            for (const QString &tag : std::as_const(tags)) {
                if (!limit(c, ContactLimits::checkTag(tag)))
                    break;
            }
            break;
        case Field::TimeZone:
            if (value.isEmpty() || !limit(c, ContactLimits::check(u"the time zone"_s, value,
                                                                  ContactLimits::MaxTimeZoneChars)))
                break;
            {
                auto known = m_zoneKnown.find(value);
                if (known == m_zoneKnown.end())
                    known =
                        m_zoneKnown.insert(value, QTimeZone::isTimeZoneIdAvailable(value.toUtf8()));
                if (*known)
                    contact->timeZone = value;
                else
                    error(c, u"unknown time zone '%1': use an IANA id such as "
                             u"America/Chicago"_s.arg(value));
            }
            break;
        case Field::ConsentSource:
            consentSourceColumn = c;
            if (limit(c, ContactLimits::check(u"the consent source"_s, value,
                                              ContactLimits::MaxConsentSourceChars)))
                contact->consentSource = value;
            break;
        case Field::ConsentAt:
            consentAtColumn = c;
            if (!value.isEmpty()) {
                const QDateTime at = value.size() > 64
                                         ? QDateTime()
                                         : QDateTime::fromString(value, Qt::ISODateWithMs);
                if (!at.isValid())
                    error(c, u"'%1' is not a timestamp: use ISO 8601 such as "
                             u"2026-03-01T09:30:00Z"_s.arg(ContactLimits::shown(value)));
                else if (at.timeSpec() == Qt::LocalTime)
                    error(c, u"'%1' has no time zone: add Z or an offset such as "
                             u"-05:00"_s.arg(value));
                else if (m_options.nowMs > 0 && at.toMSecsSinceEpoch() > m_options.nowMs)
                    error(c, u"'%1' is in the future"_s.arg(value));
                else
                    contact->consentAtMs = at.toMSecsSinceEpoch();
            }
            break;
        }
    }
    if (contact->name.isEmpty() && (!firstName.isEmpty() || !lastName.isEmpty())) {
        // No name column (or an empty one): the name is the first and last names together.
        const QString joined = QString(firstName + u' ' + lastName).trimmed();
        const int column = nameColumn >= 0 ? nameColumn : firstNameColumn;
        if (limit(column >= 0 ? column : 0, ContactLimits::checkName(joined)))
            contact->name = joined;
    }
    if (consentSourceColumn >= 0 && !contact->consentSource.isEmpty() &&
        contact->consentAtMs == 0 && (consentAtColumn < 0 || cell(row, consentAtColumn).isEmpty()))
        error(consentAtColumn >= 0 ? consentAtColumn : consentSourceColumn,
              u"a consent source needs the time consent was given"_s);
    limit(qMax(0, attributeColumn), ContactLimits::checkAttributeCount(attributes.size()));
    if (!ok)
        return false;
    contact->attributesJson =
        QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact));
    contact->tagsJson = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
    return true;
}
