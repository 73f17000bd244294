#include "AuditText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QStringList>

#include <utility>

using namespace Qt::StringLiterals;

namespace {

// Keys already shown as the subject are left out of the details column.
QStringList subjectKeys(const QString &subjectType)
{
    if (subjectType == u"keyword_process"_s)
        return {u"number"_s, u"keywords"_s};
    if (subjectType == u"contact"_s)
        return {u"contact"_s};
    if (subjectType == u"country"_s)
        return {u"country"_s};
    return {};
}

// Times are stored as epoch milliseconds under keys like "expected_finish_at" or "until";
// people read them as a local date and time.
bool isTimeKey(const QString &key)
{
    return key.endsWith(u"_at"_s) || key == u"until"_s || key == u"at"_s;
}

QString timeText(const QJsonValue &value)
{
    const auto ms = qint64(value.toDouble());
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QLocale::ShortFormat);
}

// Keys that only repeat another in a machine form ("untilIso" beside "until").
bool isRedundantKey(const QString &key)
{
    return key.endsWith(u"Iso"_s) || key.endsWith(u"_iso"_s);
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"yes"_s : u"no"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? QString::number(qint64(number))
                                                : QString::number(number);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts.append(valueText(item));
        return parts.join(u", "_s);
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"none"_s;
    case QJsonValue::Object:
        break;
    }
    return u"…"_s;
}

} // namespace

QString AuditText::action(const QString &action)
{
    static const std::pair<QLatin1StringView, QLatin1StringView> names[] = {
        {"keyword_process.create"_L1, "Keyword process created"_L1},
        {"keyword_process.edit"_L1, "Keyword process edited"_L1},
        {"keyword_process.start"_L1, "Keyword process started"_L1},
        {"keyword_process.pause"_L1, "Keyword process paused"_L1},
        {"keyword_process.delete"_L1, "Keyword process deleted"_L1},
        {"sender_number.edit"_L1, "Number details changed"_L1},
        {"sender_number.send_only"_L1, "Send-only setting changed"_L1},
        {"sender_number.provider_answers_keywords"_L1, "Provider keyword answers changed"_L1},
        {"sender_number.share"_L1, "Number lent to another account"_L1},
        {"sender_number.borrow"_L1, "Number borrowed from another account"_L1},
        {"sender_number.unshare"_L1, "Number no longer lent"_L1},
        {"sender_number.shared_short_code"_L1, "Shared short code keyword changed"_L1},
        {"confirmation_rule.set"_L1, "Unsubscribe confirmation rule set"_L1},
        {"consent.opt_out"_L1, "Unsubscribed by hand"_L1},
        {"consent.opt_in"_L1, "Re-subscribed by hand"_L1},
        {"thread.resolve"_L1, "Conversation resolved"_L1},
        {"thread.reopen"_L1, "Conversation reopened"_L1},
        {"thread.flag"_L1, "Conversation flagged"_L1},
        {"thread.unflag"_L1, "Conversation unflagged"_L1},
        {"thread.assign"_L1, "Conversation assigned"_L1},
        {"thread.snooze"_L1, "Conversation snoozed"_L1},
        {"thread.unsnooze"_L1, "Conversation woken up"_L1},
        {"campaign.created"_L1, "Campaign created"_L1},
        {"campaign.draft"_L1, "Campaign back to draft"_L1},
        {"campaign.scheduled"_L1, "Campaign scheduled"_L1},
        {"campaign.running"_L1, "Campaign started"_L1},
        {"campaign.paused"_L1, "Campaign paused"_L1},
        {"campaign.completed"_L1, "Campaign completed"_L1},
        {"campaign.canceled"_L1, "Campaign canceled"_L1},
        {"contact.edit"_L1, "Contact edited"_L1},
        {"contact.delete"_L1, "Contact deleted"_L1},
        {"template.approve"_L1, "Template approved"_L1},
        {"template.retire"_L1, "Template retired"_L1},
    };
    for (const auto &[key, name] : names) {
        if (action == key)
            return name;
    }
    // An action this version has no name for still reads as words ("report.export" ->
    // "Report export"), never as the stored key.
    QString words = action;
    words.replace(u'.', u' ').replace(u'_', u' ');
    words = words.simplified();
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

QString AuditText::category(const QString &action)
{
    return action.section(u'.', 0, 0);
}

QString AuditText::subject(const QString &subjectType, qint64 subjectId, const QString &subjectName,
                           const QJsonObject &details)
{
    if (subjectType == u"keyword_process"_s) {
        const QString number = details.value(u"number"_s).toString();
        const QString keywords = valueText(details.value(u"keywords"_s));
        return keywords.isEmpty() ? number : number + u" · "_s + keywords;
    }
    if (subjectType == u"contact"_s)
        return details.value(u"contact"_s).toString();
    if (subjectType == u"country"_s)
        return details.value(u"country"_s).toString();
    if (!subjectName.isEmpty())
        return subjectName;
    if (subjectType == u"thread"_s)
        return u"a deleted conversation"_s;
    if (subjectType == u"campaign"_s)
        return u"a deleted campaign"_s;
    return subjectId > 0 ? u"%1 #%2"_s.arg(subjectType, QString::number(subjectId)) : subjectType;
}

QString AuditText::threadName(const QString &customerNumber, const QString &contactName)
{
    if (customerNumber.isEmpty())
        return {};
    const QString name = contactName.trimmed();
    return name.isEmpty() ? customerNumber : u"%1 (%2)"_s.arg(name, customerNumber);
}

QString AuditText::details(const QString &subjectType, const QJsonObject &details)
{
    const QStringList skip = subjectKeys(subjectType);
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it) {
        if (skip.contains(it.key()) || isRedundantKey(it.key()))
            continue;
        const QString text = isTimeKey(it.key()) && it.value().isDouble() ? timeText(it.value())
                                                                          : valueText(it.value());
        if (text.isEmpty())
            continue;
        QString key = it.key();
        key.replace(u'_', u' ');
        parts.append(key + u": "_s + text);
    }
    return parts.join(u" · "_s);
}
