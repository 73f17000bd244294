#include "NormalizeCommand.h"

#include "PhoneNumber.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QString NormalizeCommand::name() const
{
    return u"normalize"_s;
}

QString NormalizeCommand::summary() const
{
    return u"Normalise a phone number or short code to E.164 and tell its type"_s;
}

void NormalizeCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"Parses one phone number (or SMS short code) with libphonenumber.\n"
        "Prints one JSON line:\n"
        "  {\"input\":...,\"kind\":\"number\"|\"short_code\",\"e164\":\"+14155550134\"|null,\n"
        "   \"canonical\":...,\"type\":\"mobile\"|\"fixed_line\"|\"fixed_line_or_mobile\"|"
        "\"toll_free\"|...,\n"
        "   \"national\":...,\"international\":...,\"region\":\"US\",\"country_code\":1,\n"
        "   \"time_zone\":\"America/New_York\"}\n"
        "A short code has no E.164 form (e164 is null; canonical is its digits).\n"
        "time_zone is only the region's default (most populous) zone.\n"
        "Exit codes: 0 valid; 2 not a valid number (the reason is printed on stderr as\n"
        "'error <kind>: <message>', kind one of empty, not_a_number, unknown_region,\n"
        "invalid_country_code, too_short, too_long, invalid_for_region); 64 usage error."_s);
    parser.addOption(QCommandLineOption(
        {u"r"_s, u"region"_s},
        u"ISO 3166 region for numbers without '+', e.g. US, GB, DE (optional for +...)."_s,
        u"region"_s));
    parser.addPositionalArgument(u"number"_s, u"The phone number as typed, e.g. 4155550134."_s);
}

int NormalizeCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        return usageError(io, u"missing the phone number"_s);
    }
    if (positional.size() > 1) {
        return usageError(io, u"expected one phone number, got "_s +
                                  QString::number(positional.size()) +
                                  u" arguments (quote a number that contains spaces)"_s);
    }

    const QString input = positional.constFirst();
    const PhoneNumberParse parsed = PhoneNumber::parse(input, parser.value(u"region"_s));
    if (!parsed.ok()) {
        return fail(io, ExitBadInput,
                    u"error "_s + PhoneNumber::errorName(parsed.error) + u": "_s +
                        parsed.errorMessage);
    }

    const PhoneNumber &number = parsed.number;
    QJsonObject json;
    json.insert(u"input"_s, input);
    json.insert(u"kind"_s, number.isShortCode() ? u"short_code"_s : u"number"_s);
    json.insert(u"e164"_s, number.isShortCode() ? QJsonValue() : QJsonValue(number.e164()));
    json.insert(u"canonical"_s, number.canonical());
    json.insert(u"type"_s, PhoneNumber::typeName(number.type()));
    json.insert(u"national"_s, number.formatNational());
    json.insert(u"international"_s, number.formatInternational());
    json.insert(u"region"_s, number.regionCode());
    json.insert(u"country_code"_s, number.countryCode());
    json.insert(u"time_zone"_s, number.defaultTimeZoneId());
    io.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << '\n';
    io.out.flush();
    return ExitOk;
}
