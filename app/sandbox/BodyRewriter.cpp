#include "BodyRewriter.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace sandbox {

QString BodyRewriter::trialPrefix()
{
    return u"Sent from your Twilio trial account - "_s;
}

QString BodyRewriter::smartEncode(const QString &body)
{
    // Twilio's Smart Encoding table (the common part of it).
    static const QHash<char16_t, QString> replacements = {
        {u'\u00AB', u"\""_s},  {u'\u00BB', u"\""_s},  {u'\u201C', u"\""_s},  {u'\u201D', u"\""_s},
        {u'\u02BA', u"\""_s},  {u'\u02EE', u"\""_s},  {u'\u201F', u"\""_s},  {u'\u275D', u"\""_s},
        {u'\u275E', u"\""_s},  {u'\u301D', u"\""_s},  {u'\u301E', u"\""_s},  {u'\uFF02', u"\""_s},
        {u'\u2018', u"'"_s},   {u'\u2019', u"'"_s},   {u'\u02BB', u"'"_s},   {u'\u02C8', u"'"_s},
        {u'\u02BC', u"'"_s},   {u'\u02BD', u"'"_s},   {u'\u02B9', u"'"_s},   {u'\u201B', u"'"_s},
        {u'\uFF07', u"'"_s},   {u'\u00B4', u"'"_s},   {u'\u02CA', u"'"_s},   {u'\u0060', u"'"_s},
        {u'\u02CB', u"'"_s},   {u'\u275B', u"'"_s},   {u'\u275C', u"'"_s},   {u'\u0313', u"'"_s},
        {u'\u0314', u"'"_s},   {u'\uFE10', u"'"_s},   {u'\uFE11', u"'"_s},   {u'\u00F7', u"/"_s},
        {u'\u00BC', u"1/4"_s}, {u'\u00BD', u"1/2"_s}, {u'\u00BE', u"3/4"_s}, {u'\u29F8', u"/"_s},
        {u'\u0337', u"/"_s},   {u'\u0338', u"/"_s},   {u'\u2044', u"/"_s},   {u'\u2215', u"/"_s},
        {u'\uFF0F', u"/"_s},   {u'\u29F9', u"\\"_s},  {u'\u29F5', u"\\"_s},  {u'\u20E5', u"\\"_s},
        {u'\uFE68', u"\\"_s},  {u'\uFF3C', u"\\"_s},  {u'\u0332', u"_"_s},   {u'\uFF3F', u"_"_s},
        {u'\u20D2', u"|"_s},   {u'\u20D3', u"|"_s},   {u'\u2223', u"|"_s},   {u'\uFF5C', u"|"_s},
        {u'\u23B8', u"|"_s},   {u'\u23B9', u"|"_s},   {u'\u23D0', u"|"_s},   {u'\u239C', u"|"_s},
        {u'\u239F', u"|"_s},   {u'\u23BC', u"-"_s},   {u'\u23BD', u"-"_s},   {u'\u2015', u"-"_s},
        {u'\uFE63', u"-"_s},   {u'\uFF0D', u"-"_s},   {u'\u2010', u"-"_s},   {u'\u2043', u"-"_s},
        {u'\uFE6B', u"@"_s},   {u'\uFF20', u"@"_s},   {u'\uFE69', u"$"_s},   {u'\uFF04', u"$"_s},
        {u'\u01C3', u"!"_s},   {u'\uFE15', u"!"_s},   {u'\uFE57', u"!"_s},   {u'\uFF01', u"!"_s},
        {u'\uFE5F', u"#"_s},   {u'\uFF03', u"#"_s},   {u'\uFE6A', u"%"_s},   {u'\uFF05', u"%"_s},
        {u'\uFE60', u"&"_s},   {u'\uFF06', u"&"_s},   {u'\u201A', u","_s},   {u'\u0326', u","_s},
        {u'\uFE50', u","_s},   {u'\u3001', u","_s},   {u'\uFE51', u","_s},   {u'\uFF0C', u","_s},
        {u'\uFF64', u","_s},   {u'\u2768', u"("_s},   {u'\u276A', u"("_s},   {u'\uFE59', u"("_s},
        {u'\uFF08', u"("_s},   {u'\u27EE', u"("_s},   {u'\u2985', u"("_s},   {u'\u2769', u")"_s},
        {u'\u276B', u")"_s},   {u'\uFE5A', u")"_s},   {u'\uFF09', u")"_s},   {u'\u27EF', u")"_s},
        {u'\u2986', u")"_s},   {u'\u204E', u"*"_s},   {u'\u2217', u"*"_s},   {u'\u229B', u"*"_s},
        {u'\u2722', u"*"_s},   {u'\u2723', u"*"_s},   {u'\u2724', u"*"_s},   {u'\u2725', u"*"_s},
        {u'\u2731', u"*"_s},   {u'\u2732', u"*"_s},   {u'\u2733', u"*"_s},   {u'\u273A', u"*"_s},
        {u'\u273B', u"*"_s},   {u'\u273C', u"*"_s},   {u'\u273D', u"*"_s},   {u'\u2743', u"*"_s},
        {u'\u2749', u"*"_s},   {u'\u274A', u"*"_s},   {u'\u274B', u"*"_s},   {u'\u29C6', u"*"_s},
        {u'\uFE61', u"*"_s},   {u'\uFF0A', u"*"_s},   {u'\u02D6', u"+"_s},   {u'\uFE62', u"+"_s},
        {u'\uFF0B', u"+"_s},   {u'\u3002', u"."_s},   {u'\uFE52', u"."_s},   {u'\uFF0E', u"."_s},
        {u'\uFF61', u"."_s},   {u'\uFF10', u"0"_s},   {u'\uFF11', u"1"_s},   {u'\uFF12', u"2"_s},
        {u'\uFF13', u"3"_s},   {u'\uFF14', u"4"_s},   {u'\uFF15', u"5"_s},   {u'\uFF16', u"6"_s},
        {u'\uFF17', u"7"_s},   {u'\uFF18', u"8"_s},   {u'\uFF19', u"9"_s},   {u'\u02D0', u":"_s},
        {u'\u02F8', u":"_s},   {u'\u2982', u":"_s},   {u'\uA789', u":"_s},   {u'\uFE13', u":"_s},
        {u'\uFF1A', u":"_s},   {u'\u204F', u";"_s},   {u'\uFE14', u";"_s},   {u'\uFE54', u";"_s},
        {u'\uFF1B', u";"_s},   {u'\uFE64', u"<"_s},   {u'\uFF1C', u"<"_s},   {u'\u0347', u"="_s},
        {u'\uA78A', u"="_s},   {u'\uFE66', u"="_s},   {u'\uFF1D', u"="_s},   {u'\uFE65', u">"_s},
        {u'\uFF1E', u">"_s},   {u'\uFE16', u"?"_s},   {u'\uFE56', u"?"_s},   {u'\uFF1F', u"?"_s},
        {u'\uFF21', u"A"_s},   {u'\u1D00', u"A"_s},   {u'\u2013', u"-"_s},   {u'\u2014', u"-"_s},
        {u'\u2026', u"..."_s}, {u'\u00A0', u" "_s},   {u'\u2000', u" "_s},   {u'\u2001', u" "_s},
        {u'\u2002', u" "_s},   {u'\u2003', u" "_s},   {u'\u2004', u" "_s},   {u'\u2005', u" "_s},
        {u'\u2006', u" "_s},   {u'\u2007', u" "_s},   {u'\u2008', u" "_s},   {u'\u2009', u" "_s},
        {u'\u200A', u" "_s},   {u'\u200B', u""_s},    {u'\u202F', u" "_s},   {u'\u205F', u" "_s},
        {u'\u3000', u" "_s},   {u'\uFEFF', u""_s},
    };
    QString out;
    out.reserve(body.size());
    for (const QChar c : body) {
        const auto it = replacements.constFind(c.unicode());
        if (it == replacements.constEnd())
            out += c;
        else
            out += *it;
    }
    return out;
}

QString BodyRewriter::rewrite(const QString &body, bool trialAccount, bool smartEncoding)
{
    const QString encoded = smartEncoding ? smartEncode(body) : body;
    return trialAccount ? trialPrefix() + encoded : encoded;
}

} // namespace sandbox
