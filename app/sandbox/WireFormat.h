// Twilio's text formats for dates and money, written from the OpenAPI formats
// (date-time-rfc-2822 for the 2010 API, ISO 8601 date-time for Sync).
#pragma once

#include <QString>

namespace sandbox {

namespace WireFormat {

// "Mon, 23 Nov 2026 08:12:26 +0000" (English names whatever the locale).
QString rfc2822(qint64 msSinceEpoch);
// "2026-11-23T08:12:26Z".
QString iso8601(qint64 msSinceEpoch);
// Price in micro-dollars (negative = charged) as Twilio writes it: "-0.00790".
QString price(qint64 microDollars);
// Parses "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC). dateOnly tells which it was.
bool parseDateFilter(const QString &text, qint64 *msSinceEpoch, bool *dateOnly);

} // namespace WireFormat

} // namespace sandbox
