#include "JsonFieldReader.h"

#include "Rfc2822Date.h"

#include <QJsonDocument>

#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

QString describe(const QJsonValue &value)
{
    if (value.isString()) {
        return u'"' + value.toString() + u'"';
    }
    QJsonArray wrapper{value};
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

bool isWholeNumber(const QJsonValue &value)
{
    if (!value.isDouble()) {
        return false;
    }
    const double number = value.toDouble();
    return number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max() &&
           number == static_cast<double>(static_cast<int>(number));
}

} // namespace

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QString what)
    : m_object(object)
    , m_what(std::move(what))
{}

void JsonFieldReader::fail(QLatin1StringView key, const QString &problem)
{
    if (m_error.isEmpty()) {
        m_error = u"Field \"%1\" of the %2 %3"_s.arg(key, m_what, problem);
    }
}

template<typename Check>
std::optional<QJsonValue> JsonFieldReader::value(QLatin1StringView key, const char *expected,
                                                 Check isRight)
{
    const QJsonValue found = m_object.value(key);
    if (found.isUndefined() || found.isNull()) {
        return std::nullopt;
    }
    if (!isRight(found)) {
        fail(key, u"is not %1: %2"_s.arg(QLatin1StringView(expected), describe(found)));
        return std::nullopt;
    }
    return found;
}

QString JsonFieldReader::string(QLatin1StringView key)
{
    return optionalString(key).value_or(QString());
}

QString JsonFieldReader::requiredString(QLatin1StringView key)
{
    const QString text = string(key);
    if (text.isEmpty()) {
        fail(key, u"is missing or empty"_s);
    }
    return text;
}

std::optional<QString> JsonFieldReader::optionalString(QLatin1StringView key)
{
    const auto found = value(key, "a string", [](const QJsonValue &v) { return v.isString(); });
    return found ? std::optional<QString>(found->toString()) : std::nullopt;
}

bool JsonFieldReader::boolean(QLatin1StringView key)
{
    const auto found = value(key, "true or false", [](const QJsonValue &v) { return v.isBool(); });
    return found && found->toBool();
}

std::optional<int> JsonFieldReader::optionalInt(QLatin1StringView key)
{
    const auto found = value(key, "a whole number", isWholeNumber);
    return found ? std::optional<int>(found->toInt()) : std::nullopt;
}

int JsonFieldReader::intFromString(QLatin1StringView key)
{
    const auto found = value(key, "a whole number", [](const QJsonValue &v) {
        if (v.isString()) {
            bool ok = false;
            v.toString().toInt(&ok);
            return ok;
        }
        return isWholeNumber(v);
    });
    if (!found) {
        return 0;
    }
    return found->isString() ? found->toString().toInt() : found->toInt();
}

QDateTime JsonFieldReader::rfc2822Date(QLatin1StringView key)
{
    const std::optional<QString> text = optionalString(key);
    if (!text) {
        return {};
    }
    const QDateTime parsed = Rfc2822Date::parse(*text);
    if (!parsed.isValid()) {
        fail(key, u"is not an RFC 2822 date: \"%1\""_s.arg(*text));
    }
    return parsed;
}

QDateTime JsonFieldReader::isoDate(QLatin1StringView key)
{
    const std::optional<QString> text = optionalString(key);
    if (!text) {
        return {};
    }
    const QDateTime parsed = QDateTime::fromString(*text, Qt::ISODateWithMs);
    // Without a zone the instant would be a guess in local time.
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime) {
        fail(key, u"is not an ISO 8601 date with a time zone: \"%1\""_s.arg(*text));
        return {};
    }
    return parsed.toUTC();
}

QJsonObject JsonFieldReader::object(QLatin1StringView key)
{
    const auto found = value(key, "an object", [](const QJsonValue &v) { return v.isObject(); });
    return found ? found->toObject() : QJsonObject();
}

QJsonArray JsonFieldReader::array(QLatin1StringView key)
{
    const auto found = value(key, "a list", [](const QJsonValue &v) { return v.isArray(); });
    return found ? found->toArray() : QJsonArray();
}

QStringList JsonFieldReader::stringList(QLatin1StringView key)
{
    QStringList strings;
    const QJsonArray items = array(key);
    for (const QJsonValue &item : items) {
        if (!item.isString()) {
            fail(key, u"contains %1 where text was expected"_s.arg(describe(item)));
            return {};
        }
        strings.append(item.toString());
    }
    return strings;
}
