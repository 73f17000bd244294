#include "OpenApiValidator.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

OpenApiValidator::OpenApiValidator(const QString &specPath)
{
    QFile file(specPath);
    if (file.open(QIODevice::ReadOnly))
        m_spec = QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject OpenApiValidator::resolve(const QJsonObject &schema) const
{
    QJsonObject current = schema;
    while (current.contains(u"$ref"_s)) {
        const QString ref = current.value(u"$ref"_s).toString();
        const QString prefix = u"#/components/schemas/"_s;
        if (!ref.startsWith(prefix))
            return {};
        current = m_spec.value(u"components"_s)[u"schemas"_s][ref.mid(prefix.size())].toObject();
    }
    return current;
}

QStringList OpenApiValidator::validateResponse(const QString &pathTemplate, const QString &method,
                                               int status, const QJsonValue &body) const
{
    const QJsonObject operation = m_spec.value(u"paths"_s)[pathTemplate][method].toObject();
    if (operation.isEmpty())
        return {u"the spec has no %1 %2"_s.arg(method.toUpper(), pathTemplate)};
    const QJsonObject response =
        operation.value(u"responses"_s)[QString::number(status)].toObject();
    if (response.isEmpty())
        return {u"the spec has no %1 answer for %2 %3"_s.arg(status).arg(method.toUpper(),
                                                                         pathTemplate)};
    const QJsonObject content = response.value(u"content"_s)[u"application/json"_s].toObject();
    // Property names Twilio's example answers show as null.
    QSet<QString> nullInExamples;
    std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &v) {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.value().isNull())
                    nullInExamples.insert(it.key());
                collect(it.value());
            }
        } else if (v.isArray()) {
            for (const QJsonValue &item : v.toArray())
                collect(item);
        }
    };
    const QJsonObject examples = content.value(u"examples"_s).toObject();
    for (auto it = examples.begin(); it != examples.end(); ++it)
        collect(it.value().toObject().value(u"value"_s));
    return validate(body, content.value(u"schema"_s).toObject(), u"$"_s, nullInExamples);
}

QStringList OpenApiValidator::validate(const QJsonValue &value, const QJsonObject &rawSchema,
                                       const QString &where,
                                       const QSet<QString> &nullInExamples) const
{
    QStringList problems;
    const QJsonObject schema = resolve(rawSchema);
    const QString type = schema.value(u"type"_s).toString();
    if (value.isNull() || value.isUndefined()) {
        const QString name = where.section(u'.', -1);
        if (!schema.value(u"nullable"_s).toBool() && !rawSchema.value(u"nullable"_s).toBool() &&
            !nullInExamples.contains(name) && !schema.isEmpty())
            problems
                << u"%1: null, but the schema is not nullable and Twilio's examples never show it null"_s
                       .arg(where);
        return problems;
    }
    if (type == u"string"_s) {
        if (!value.isString())
            return {u"%1: expected a string"_s.arg(where)};
        const QString s = value.toString();
        if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(s))
            problems << u"%1: '%2' is not one of the enum values"_s.arg(where, s);
        if (schema.contains(u"pattern"_s) &&
            !QRegularExpression(schema.value(u"pattern"_s).toString()).match(s).hasMatch())
            problems << u"%1: '%2' does not match %3"_s.arg(where, s,
                                                            schema.value(u"pattern"_s).toString());
        if (schema.contains(u"minLength"_s) && s.size() < schema.value(u"minLength"_s).toInt())
            problems << u"%1: shorter than minLength"_s.arg(where);
        if (schema.contains(u"maxLength"_s) && s.size() > schema.value(u"maxLength"_s).toInt())
            problems << u"%1: longer than maxLength"_s.arg(where);
        const QString format = schema.value(u"format"_s).toString();
        if (format == u"date-time-rfc-2822"_s &&
            !QDateTime::fromString(s, Qt::RFC2822Date).isValid())
            problems << u"%1: '%2' is not an RFC 2822 date"_s.arg(where, s);
        if (format == u"date-time"_s && !QDateTime::fromString(s, Qt::ISODate).isValid())
            problems << u"%1: '%2' is not an ISO 8601 date-time"_s.arg(where, s);
        if (format == u"uri"_s && !s.isEmpty() && !s.startsWith(u'/') && !s.startsWith(u"http"_s))
            problems << u"%1: '%2' is not a URI"_s.arg(where, s);
        return problems;
    }
    if (type == u"integer"_s) {
        if (!value.isDouble() || std::floor(value.toDouble()) != value.toDouble())
            problems << u"%1: expected an integer"_s.arg(where);
        return problems;
    }
    if (type == u"number"_s) {
        if (!value.isDouble())
            problems << u"%1: expected a number"_s.arg(where);
        return problems;
    }
    if (type == u"boolean"_s) {
        if (!value.isBool())
            problems << u"%1: expected a boolean"_s.arg(where);
        return problems;
    }
    if (type == u"array"_s) {
        if (!value.isArray())
            return {u"%1: expected an array"_s.arg(where)};
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            problems << validate(array[i], schema.value(u"items"_s).toObject(),
                                 u"%1[%2]"_s.arg(where).arg(i), nullInExamples);
        return problems;
    }
    if (type == u"object"_s || schema.contains(u"properties"_s)) {
        if (!value.isObject())
            return {u"%1: expected an object"_s.arg(where)};
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        if (properties.isEmpty())
            return problems; // a free-form object (uri-map, data)
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (!object.contains(it.key()))
                problems << u"%1.%2: missing (the spec lists it)"_s.arg(where, it.key());
            else
                problems << validate(object.value(it.key()), it.value().toObject(),
                                     where + u'.' + it.key(), nullInExamples);
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!properties.contains(it.key()))
                problems << u"%1.%2: not in the spec"_s.arg(where, it.key());
        }
        return problems;
    }
    // No type: anything goes (e.g. a Sync item's data).
    return problems;
}
