#include "SegmentsCommand.h"

#include "SegmentCounter.h"
#include "SmartCharacters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

QString SegmentsCommand::name() const
{
    return u"segments"_s;
}

QString SegmentsCommand::summary() const
{
    return u"Count the SMS segments of a message body (GSM-7 or UCS-2)"_s;
}

void SegmentsCommand::configure(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(
        u"Counts the segments a message body is billed as, by Twilio's rules.\n"
        "The body is --text, or else all of standard input (UTF-8) with one trailing\n"
        "newline (LF or CRLF) removed, since echo and editors add one.\n"
        "Prints one JSON line:\n"
        "  {\"encoding\":\"GSM-7\"|\"UCS-2\",\"characters\":N,\"units\":N,\"segments\":N,"
        "\"non_gsm\":[...]}\n"
        "characters: Unicode code points; units: septets (GSM-7) or UTF-16 units (UCS-2);\n"
        "non_gsm: the characters that force UCS-2. An empty body is 0 segments.\n"
        "Exit codes: 0 counted, 2 standard input is not UTF-8, 64 usage error."_s);
    parser.addOption(QCommandLineOption(
        {u"t"_s, u"text"_s}, u"The message body (otherwise read from stdin)."_s, u"text"_s));
    parser.addOption(QCommandLineOption(u"smart"_s,
                                        u"Replace typographic characters (curly quotes, dashes, "
                                        "ellipsis...) with GSM look-alikes first."_s));
}

int SegmentsCommand::run(const QCommandLineParser &parser, CliIo &io)
{
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(io, u"unexpected argument '"_s + parser.positionalArguments().first() +
                                  u"' (pass the body with --text or on stdin)"_s);
    }

    QString text;
    if (parser.isSet(u"text"_s)) {
        text = parser.value(u"text"_s);
    } else {
        const QByteArray bytes = io.in.isReadable() ? io.in.readAll() : QByteArray();
        QStringDecoder decoder(QStringDecoder::Utf8);
        text = decoder(bytes);
        if (decoder.hasError()) {
            return fail(io, ExitBadInput, u"standard input is not valid UTF-8"_s);
        }
        if (text.endsWith(u"\r\n"_s)) {
            text.chop(2);
        } else if (text.endsWith(u'\n')) {
            text.chop(1);
        }
    }
    if (parser.isSet(u"smart"_s)) {
        text = SmartCharacters::replaceWithGsm(text);
    }

    const SegmentCount count = SegmentCounter::count(text);
    QJsonObject json;
    json.insert(u"encoding"_s, SegmentCount::encodingName(count.encoding));
    json.insert(u"characters"_s, count.characters);
    json.insert(u"units"_s, count.units);
    json.insert(u"segments"_s, count.segments);
    json.insert(u"non_gsm"_s, QJsonArray::fromStringList(count.nonGsmCharacters));
    io.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) << '\n';
    io.out.flush();
    return ExitOk;
}
