#include "SecretLogFilter.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

// Categories whose debug output dumps HTTP headers or bodies.
constexpr const char *HeaderCategories[] = {"qt.httpserver", "qt.network.http", "qt.network.access",
                                            "qt.network.ssl"};

QLoggingCategory::CategoryFilter previousFilter = nullptr;
QtMessageHandler previousHandler = nullptr;

void filterCategories(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (SecretLogFilter::isHeaderCategory(category->categoryName()))
        category->setEnabled(QtDebugMsg, false);
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString safe = SecretLogFilter::redact(message);
    if (previousHandler)
        previousHandler(type, context, safe);
}

} // namespace

bool SecretLogFilter::isHeaderCategory(const char *categoryName)
{
    for (const char *prefix : HeaderCategories) {
        if (std::strncmp(categoryName, prefix, std::strlen(prefix)) == 0)
            return true;
    }
    return false;
}

QString SecretLogFilter::redact(const QString &message)
{
    // The header's value up to the end of its line or the closing quote of a printed pair
    // ("authorization", "Basic QUM…"), and any Basic/Bearer credential on its own.
    static const QRegularExpression header(
        uR"(((?:proxy-)?authorization"?\s*[:=,]\s*"?)[^"\r\n]*)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression credential(uR"(\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{6,})"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    if (!message.contains(u"auth"_s, Qt::CaseInsensitive) &&
        !message.contains(u"basic"_s, Qt::CaseInsensitive) &&
        !message.contains(u"bearer"_s, Qt::CaseInsensitive))
        return message;
    QString safe = message;
    safe.replace(header, u"\\1[redacted]"_s);
    safe.replace(credential, u"\\1 [redacted]"_s);
    return safe;
}

void SecretLogFilter::install()
{
    previousHandler = qInstallMessageHandler(redactingHandler);
    previousFilter = QLoggingCategory::installFilter(filterCategories);
}
