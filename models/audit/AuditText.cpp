#include "AuditText.h"

#include <QJsonArray>
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
    };
    for (const auto &[key, name] : names) {
        if (action == key)
            return name;
    }
    return action;
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
    return subjectId > 0 ? u"%1 #%2"_s.arg(subjectType, QString::number(subjectId)) : subjectType;
}

QString AuditText::details(const QString &subjectType, const QJsonObject &details)
{
    const QStringList skip = subjectKeys(subjectType);
    QStringList parts;
    for (auto it = details.begin(); it != details.end(); ++it) {
        if (skip.contains(it.key()))
            continue;
        const QString text = valueText(it.value());
        if (text.isEmpty())
            continue;
        QString key = it.key();
        key.replace(u'_', u' ');
        parts.append(key + u": "_s + text);
    }
    return parts.join(u" · "_s);
}
