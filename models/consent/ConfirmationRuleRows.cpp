#include "ConfirmationRuleRows.h"

#include "AuditRows.h"
#include "PhoneNumber.h"
#include "Savepoint.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

ConfirmationRuleRows::ConfirmationRuleRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<ConfirmationRule> ConfirmationRuleRows::load(qint64 accountId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.prepare(u"SELECT country_code, rule FROM confirmation_rules WHERE account_id = ?"_s);
    query.addBindValue(accountId);
    if (!query.exec()) {
        m_error = u"cannot read confirmation rules: "_s + query.lastError().text();
        return std::nullopt;
    }
    QHash<QString, ConfirmationRule::Rule> overrides;
    while (query.next()) {
        const auto rule = ConfirmationRule::ruleFromString(query.value(1).toString());
        if (!rule) {
            m_error = u"unknown confirmation rule "_s + query.value(1).toString();
            return std::nullopt;
        }
        overrides.insert(query.value(0).toString(), *rule);
    }
    return ConfirmationRule(std::move(overrides));
}

bool ConfirmationRuleRows::set(qint64 accountId, const QString &countryCode,
                               ConfirmationRule::Rule rule, const QString &actor)
{
    m_error.clear();
    const QString code = countryCode.trimmed().toUpper();
    const bool letters = code.size() == 2 && code.at(0) >= u'A' && code.at(0) <= u'Z' &&
                         code.at(1) >= u'A' && code.at(1) <= u'Z';
    if (!letters) {
        m_error =
            u"“%1” is not a country code: use two letters (ISO 3166), e.g. US"_s.arg(countryCode);
        return false;
    }
    // A savepoint: a team change wraps this write with its queued op in one transaction.
    Savepoint tx(m_db, u"confirmation_rule_set"_s);
    if (!tx.begin()) {
        m_error = tx.errorString();
        return false;
    }
    QSqlQuery query(m_db);
    if (rule == ConfirmationRule::defaultRuleFor(code)) {
        query.prepare(
            u"DELETE FROM confirmation_rules WHERE account_id = ? AND country_code = ?"_s);
        query.addBindValue(accountId);
        query.addBindValue(code);
    } else {
        query.prepare(u"INSERT INTO confirmation_rules (account_id, country_code, rule) "
                      u"VALUES (?, ?, ?) ON CONFLICT (account_id, country_code) "
                      u"DO UPDATE SET rule = excluded.rule"_s);
        query.addBindValue(accountId);
        query.addBindValue(code);
        query.addBindValue(ConfirmationRule::ruleToString(rule));
    }
    AuditRows audit(m_db);
    if (!query.exec()) {
        m_error = u"cannot save the confirmation rule: "_s + query.lastError().text();
    } else if (!audit.append(
                   accountId, actor, u"confirmation_rule.set"_s, u"country"_s, 0,
                   {{u"country"_s, code}, {u"rule"_s, ConfirmationRule::ruleToString(rule)}})) {
        m_error = audit.errorString();
    }
    if (!m_error.isEmpty())
        return false;
    if (!tx.release()) {
        m_error = tx.errorString();
        return false;
    }
    return true;
}

QString ConfirmationRuleRows::countryOf(const QString &customerNumber)
{
    const PhoneNumberParse parsed = PhoneNumber::parse(customerNumber, u"US"_s);
    const QString region = parsed.number.regionCode();
    return region.isEmpty() ? u"US"_s : region;
}
