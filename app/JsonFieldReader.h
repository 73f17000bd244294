// Reads typed fields out of one JSON object and remembers the first field that did not have
// the promised type, so a parser can read every field and check once at the end.
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>

class JsonFieldReader
{
public:
    // `what` names the object in error messages, e.g. "message".
    JsonFieldReader(const QJsonObject &object, QString what);

    // Missing or null gives the empty/zero value; any other type is an error.
    QString string(QLatin1StringView key);
    QString requiredString(QLatin1StringView key); // missing, null or "" is an error
    std::optional<QString> optionalString(QLatin1StringView key);
    bool boolean(QLatin1StringView key);
    std::optional<int> optionalInt(QLatin1StringView key);
    // Twilio sends some counts as strings ("num_segments": "2"); a JSON number is accepted too.
    int intFromString(QLatin1StringView key);
    QDateTime rfc2822Date(QLatin1StringView key); // invalid QDateTime for null
    QDateTime isoDate(QLatin1StringView key);     // invalid QDateTime for null
    QJsonObject object(QLatin1StringView key);
    QJsonArray array(QLatin1StringView key);
    QStringList stringList(QLatin1StringView key);

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    // The value, or nullopt for missing/null. Records an error when the type is wrong.
    template<typename Check>
    std::optional<QJsonValue> value(QLatin1StringView key, const char *expected, Check isRight);
    void fail(QLatin1StringView key, const QString &problem);

    QJsonObject m_object;
    QString m_what;
    QString m_error;
};
