// No credential reaches a log at any level. Qt's own categories print request headers when
// their debug output is switched on (qt.httpserver logs every header, Authorization
// included, even for a wrong password); those categories stay below debug whatever
// QT_LOGGING_RULES says, and every message still passing through is rewritten so an
// Authorization value or a Basic/Bearer credential reads "[redacted]".
#pragma once

#include <QString>

class SecretLogFilter
{
public:
    // Installs the category filter and the message handler, each chained to what was
    // installed before. Call once, first thing in main().
    static void install();
    // The message as it would be logged.
    static QString redact(const QString &message);
    // Whether a category's debug output is held back (its name starts with one of them).
    static bool isHeaderCategory(const char *categoryName);
};
