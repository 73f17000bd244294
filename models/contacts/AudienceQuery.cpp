#include "AudienceQuery.h"

#include "CampaignSendHistory.h"
#include "ConsentRows.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// A JSON path naming one key, quoted so that '.' or '-' in a key stay part of it.
QString keyPath(const QString &key)
{
    QString escaped = key;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u"$.\""_s + escaped + u'"';
}

} // namespace

AudienceQuery::AudienceQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<AudienceFilter::Settings> AudienceQuery::settings(qint64 accountId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT promo_cap_per_day, promo_cap_per_week, suppress_open_threads "
              u"FROM accounts WHERE id = ?"_s);
    q.addBindValue(accountId);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().isValid()
                      ? u"cannot read audience settings: "_s + q.lastError().text()
                      : u"no account with id %1"_s.arg(accountId);
        return std::nullopt;
    }
    AudienceFilter::Settings s;
    s.frequencyCap = FrequencyCap(q.value(0).toInt(), q.value(1).toInt());
    s.suppressOpenThreads = q.value(2).toBool();
    return s;
}

bool AudienceQuery::saveSettings(qint64 accountId, const AudienceFilter::Settings &settings)
{
    if (!settings.frequencyCap.isValid()) {
        m_error = u"a frequency cap cannot be negative"_s;
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE accounts SET promo_cap_per_day = ?, promo_cap_per_week = ?, "
              u"suppress_open_threads = ? WHERE id = ?"_s);
    q.addBindValue(settings.frequencyCap.maxPerDay());
    q.addBindValue(settings.frequencyCap.maxPerWeek());
    q.addBindValue(settings.suppressOpenThreads ? 1 : 0);
    q.addBindValue(accountId);
    if (!q.exec() || q.numRowsAffected() != 1) {
        m_error = u"cannot save audience settings: "_s +
                  (q.lastError().isValid() ? q.lastError().text() : u"no such account"_s);
        return false;
    }
    return true;
}

std::optional<QList<AudienceQuery::Contact>> AudienceQuery::contacts(qint64 accountId,
                                                                     const Segment &segment)
{
    // The statement's shape depends only on how many criteria there are; values are bound.
    QString sql = u"SELECT c.id, c.number, c.name, c.attributes, c.time_zone FROM contacts c "
                  u"WHERE c.account_id = ?"_s;
    QVariantList values{accountId};
    for (const QString &tag : segment.allTags) {
        sql += u" AND EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?)"_s;
        values << tag;
    }
    if (!segment.anyTags.isEmpty()) {
        sql += u" AND EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value IN ("_s +
               QStringList(segment.anyTags.size(), u"?"_s).join(u',') + u"))"_s;
        for (const QString &tag : segment.anyTags)
            values << tag;
    }
    for (const QString &tag : segment.excludedTags) {
        sql += u" AND NOT EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = ?)"_s;
        values << tag;
    }
    for (const auto &[key, value] : segment.attributes) {
        sql += u" AND json_extract(c.attributes, ?) = ?"_s;
        values << keyPath(key) << value;
    }
    sql += u" ORDER BY c.number"_s;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (!q.exec()) {
        m_error = u"cannot read the segment: "_s + q.lastError().text();
        return std::nullopt;
    }
    QList<Contact> result;
    while (q.next())
        result.append(Contact{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toString()});
    return result;
}

std::optional<AudienceQuery::Evaluation>
AudienceQuery::evaluate(qint64 accountId, const Segment &segment, const Options &options)
{
    const auto s = settings(accountId);
    if (!s)
        return std::nullopt;
    return evaluate(accountId, segment, options, *s);
}

std::optional<AudienceQuery::Evaluation>
AudienceQuery::evaluate(qint64 accountId, const Segment &segment, const Options &options,
                        const AudienceFilter::Settings &settings)
{
    auto segmentContacts = contacts(accountId, segment);
    if (!segmentContacts)
        return std::nullopt;

    ConsentRows consentRows(m_db);
    const auto scope = consentRows.scope(accountId);
    auto events = consentRows.eventsOf(accountId);
    if (!scope || !events) {
        m_error = consentRows.errorString();
        return std::nullopt;
    }
    const ConsentLedger ledger(std::move(*events), *scope);
    QStringList senders{options.senderNumber};
    if (options.senderNumber.isEmpty()) {
        QSqlQuery q(m_db);
        q.prepare(u"SELECT number FROM sender_numbers WHERE account_id = ?"_s);
        q.addBindValue(accountId);
        if (!q.exec()) {
            m_error = u"cannot read sender numbers: "_s + q.lastError().text();
            return std::nullopt;
        }
        while (q.next())
            senders << q.value(0).toString();
    }

    QHash<QString, QString> textEnabled;
    QSet<QString> openThreads;
    QHash<QString, QList<qint64>> recentSends;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT number, text_enabled FROM contacts WHERE account_id = ?"_s);
        q.addBindValue(accountId);
        bool ok = q.exec();
        while (ok && q.next())
            textEnabled.insert(q.value(0).toString(), q.value(1).toString());
        q.prepare(u"SELECT DISTINCT customer_number FROM threads WHERE account_id = ? AND "
                  u"status = 'open'"_s);
        q.addBindValue(accountId);
        ok = ok && q.exec();
        while (ok && q.next())
            openThreads.insert(q.value(0).toString());
        // Campaign texts that reached (or may reach) the customer share the cap's windows:
        // the whole team's, not only this desktop's (CampaignSendHistory).
        if (ok) {
            CampaignSendHistory history(m_db);
            auto sends = history.sends(accountId, options.atMs - FrequencyCap::WeekMSecs);
            if (!sends) {
                m_error = history.errorString();
                return std::nullopt;
            }
            recentSends = std::move(*sends);
        }
        if (!ok) {
            m_error = u"cannot read the audience's history: "_s + q.lastError().text();
            return std::nullopt;
        }
    }

    Evaluation evaluation;
    QList<AudienceFilter::Candidate> candidates;
    for (Contact &contact : *segmentContacts) {
        AudienceFilter::Candidate c;
        c.contactId = contact.id;
        c.number = contact.number;
        bool optedIn = false;
        bool optedOut = false;
        for (const QString &sender : std::as_const(senders)) {
            const auto state = ledger.consent(contact.number, sender).state;
            optedOut |= state == ConsentLedger::ConsentState::OptedOut;
            optedIn |= state == ConsentLedger::ConsentState::OptedIn;
        }
        const bool noRecord = ledger.eventsFor(contact.number).isEmpty();
        if ((segment.consent == Segment::Consent::OptedInOnly && (!optedIn || optedOut)) ||
            (segment.consent == Segment::Consent::NoRecord && !noRecord))
            continue;
        c.consent = optedOut  ? AudienceFilter::Candidate::Consent::OptedOut
                    : optedIn ? AudienceFilter::Candidate::Consent::OptedIn
                              : AudienceFilter::Candidate::Consent::Unknown;
        const QString te = textEnabled.value(contact.number);
        c.textEnabled = te == u"yes"        ? AudienceFilter::Candidate::TextEnabled::Yes
                        : te == u"no"       ? AudienceFilter::Candidate::TextEnabled::No
                        : te == u"checking" ? AudienceFilter::Candidate::TextEnabled::Checking
                                            : AudienceFilter::Candidate::TextEnabled::Unknown;
        if (options.promotional)
            c.recentPromotionalMSecs = recentSends.value(contact.number);
        c.hasOpenThread = openThreads.contains(contact.number);
        candidates.append(c);
        evaluation.contacts.append(std::move(contact));
    }
    AudienceFilter::Settings effective = settings;
    if (!options.promotional)
        effective.frequencyCap = FrequencyCap::unlimited();
    evaluation.filter = AudienceFilter(effective).filter(candidates, options.atMs);
    return evaluation;
}

QList<QString> AudienceQuery::recipients(qint64 accountId, const Segment &segment,
                                         const Options &options)
{
    QList<QString> numbers;
    const auto evaluation = evaluate(accountId, segment, options);
    if (!evaluation)
        return numbers;
    for (const qsizetype index : evaluation->filter.included)
        numbers.append(evaluation->contacts.at(index).number);
    return numbers;
}

QStringList AudienceQuery::distinctJson(qint64 accountId, const QString &sql)
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.addBindValue(accountId);
    QStringList result;
    if (!q.exec()) {
        m_error = q.lastError().text();
        return result;
    }
    while (q.next())
        result << q.value(0).toString();
    return result;
}

QStringList AudienceQuery::tags(qint64 accountId)
{
    return distinctJson(accountId, u"SELECT DISTINCT j.value FROM contacts c, json_each(c.tags) j "
                                   u"WHERE c.account_id = ? ORDER BY j.value"_s);
}

QStringList AudienceQuery::attributeKeys(qint64 accountId)
{
    return distinctJson(accountId,
                        u"SELECT DISTINCT j.key FROM contacts c, "
                        u"json_each(c.attributes) j WHERE c.account_id = ? ORDER BY j.key"_s);
}
