// Parses RFC 2822 dates ("Thu, 24 Aug 2023 05:01:45 +0000") as the Twilio 2010 API and HTTP
// headers send them. Qt's own Qt::RFC2822Date (6.4) rejects one-digit days and "GMT", both
// valid here.
#pragma once

#include <QDateTime>
#include <QStringView>

namespace Rfc2822Date {

// The instant in UTC, or an invalid QDateTime when the text is not an RFC 2822 date-time:
// unknown names, impossible dates, a weekday that does not match the date, a two-digit year
// or a military zone letter other than Z.
QDateTime parse(QStringView text);

} // namespace Rfc2822Date
