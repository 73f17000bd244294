// A small JSON-schema checker for Twilio's OpenAPI files: resolves $ref into
// components/schemas, requires every property the schema lists, rejects properties the
// schema lacks, and checks types, enums, patterns, lengths and the date formats. A property
// may be null where the schema says nullable, or where Twilio's own example answers for that
// operation show it null (Lookup's sub-objects and error_code are null unless requested).
#pragma once

#include <QJsonObject>
#include <QSet>
#include <QStringList>

class OpenApiValidator
{
public:
    // Loads one spec file; isValid() tells whether it parsed.
    explicit OpenApiValidator(const QString &specPath);
    bool isValid() const { return !m_spec.isEmpty(); }

    // Problems found in `body` against the response schema of (pathTemplate, method, status);
    // empty when it conforms.
    QStringList validateResponse(const QString &pathTemplate, const QString &method, int status,
                                 const QJsonValue &body) const;
    QStringList validate(const QJsonValue &value, const QJsonObject &schema, const QString &where,
                         const QSet<QString> &nullInExamples = {}) const;

private:
    QJsonObject resolve(const QJsonObject &schema) const;
    QJsonObject m_spec;
};
