// Keyword matching and validation: the first line is a process's keywords (comma-separated),
// the rest the inbound text; matched on every kind of number.
#include "FuzzInput.h"
#include "KeywordMatcher.h"
#include "KeywordValidator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = fuzz::text(data, size);
    const qsizetype newline = input.indexOf(u'\n');
    const QString keywordLine = newline < 0 ? input : input.left(newline);
    const QString body = newline < 0 ? input : input.mid(newline + 1);

    KeywordProcess process;
    process.type = KeywordProcess::Type::AutoReply;
    process.inboundNumber = QStringLiteral("+14155550100");
    process.keywords = keywordLine.split(u',');
    process.status = KeywordProcess::Status::Started;
    for (const QString &keyword : process.keywords)
        (void)KeywordValidator::checkKeyword(keyword);
    (void)KeywordValidator::validate(process, {});
    for (const auto kind :
         {KeywordMatcher::NumberKind::LongCode, KeywordMatcher::NumberKind::TollFree,
          KeywordMatcher::NumberKind::ShortCode, KeywordMatcher::NumberKind::SharedShortCode}) {
        (void)KeywordMatcher::match(body, kind, {QStringLiteral("ACME")}, {process});
        (void)KeywordMatcher::providerDefaultType(body, kind);
    }
    (void)KeywordMatcher::words(body);
    return 0;
}
