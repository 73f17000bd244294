#include "AccountConfig.h"

#include "TwilioUrl.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

QUrl AccountConfig::defaultApiBaseUrl()
{
    return QUrl(u"https://api.twilio.com"_s);
}

QUrl AccountConfig::defaultLookupBaseUrl()
{
    return QUrl(u"https://lookups.twilio.com"_s);
}

QUrl AccountConfig::defaultSyncBaseUrl()
{
    return QUrl(u"https://sync.twilio.com"_s);
}

AccountConfig AccountConfig::forSingleBaseUrl(const QString &displayName, const QString &accountSid,
                                              const QUrl &baseUrl)
{
    AccountConfig config;
    config.displayName = displayName;
    config.accountSid = accountSid;
    // A typed Twilio host (with a trailing slash, or regional) sends Lookups and Sync to its
    // siblings; the sandbox's loopback URL or a proxy serves all three.
    const TwilioUrl::Hosts hosts = TwilioUrl::hostsFor(baseUrl);
    config.apiBaseUrl = hosts.api;
    config.lookupBaseUrl = hosts.lookup;
    config.syncBaseUrl = hosts.sync;
    return config;
}

namespace {

QUrl storedOr(const QString &stored, const QUrl &fallback)
{
    return stored.isEmpty() ? fallback : QUrl(stored);
}

QString storedForm(const QUrl &url, const QUrl &fallback)
{
    return url == fallback ? QString(u""_s) : url.toString();
}

} // namespace

AccountConfig AccountConfig::fromRow(const AccountRows::Row &row)
{
    AccountConfig config;
    config.displayName = row.name;
    config.accountSid = row.providerSid;
    config.apiBaseUrl = storedOr(row.apiBaseUrl, defaultApiBaseUrl());
    config.lookupBaseUrl = storedOr(row.lookupBaseUrl, defaultLookupBaseUrl());
    config.syncBaseUrl = storedOr(row.syncBaseUrl, defaultSyncBaseUrl());
    return config;
}

AccountRows::Row AccountConfig::toRow(qint64 accountId) const
{
    AccountRows::Row row;
    row.id = accountId;
    row.name = displayName;
    row.providerSid = accountSid;
    row.apiBaseUrl = storedForm(apiBaseUrl, defaultApiBaseUrl());
    row.lookupBaseUrl = storedForm(lookupBaseUrl, defaultLookupBaseUrl());
    row.syncBaseUrl = storedForm(syncBaseUrl, defaultSyncBaseUrl());
    return row;
}

QString AccountConfig::accountSidError(const QString &accountSid)
{
    static const QRegularExpression pattern(u"^AC[0-9a-fA-F]{32}$"_s);
    if (pattern.match(accountSid).hasMatch()) {
        return {};
    }
    const QString expected = QCoreApplication::translate(
        "AccountConfig", "An Account SID is \"AC\" followed by 32 hexadecimal characters");
    if (accountSid.isEmpty()) {
        return QCoreApplication::translate("AccountConfig", "The Account SID is empty. ") +
               expected + u'.';
    }
    if (accountSid.trimmed() != accountSid) {
        return QCoreApplication::translate("AccountConfig",
                                           "The Account SID has spaces before or after it. ") +
               expected + u'.';
    }
    if (!accountSid.startsWith("AC"_L1)) {
        return QCoreApplication::translate(
                   "AccountConfig",
                   "The Account SID must start with \"AC\" (an API key SID starts with \"SK\" and "
                   "is not an Account SID). ") +
               expected + u'.';
    }
    if (accountSid.size() != 34) {
        return QCoreApplication::translate("AccountConfig",
                                           "The Account SID has %1 characters instead of 34. ")
                   .arg(accountSid.size()) +
               expected + u'.';
    }
    return QCoreApplication::translate(
               "AccountConfig",
               "The Account SID contains characters that are not hexadecimal digits. ") +
           expected + u'.';
}

bool AccountConfig::isLoopbackHost(const QString &host)
{
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0) {
        return true;
    }
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

QString AccountConfig::baseUrlError(const QUrl &url, const QString &label)
{
    if (url.isEmpty()) {
        return QCoreApplication::translate("AccountConfig", "The %1 base URL is empty.").arg(label);
    }
    if (!url.isValid()) {
        return QCoreApplication::translate("AccountConfig",
                                           "The %1 base URL is not a valid URL: %2")
            .arg(label, url.errorString());
    }
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    const QString scheme = url.scheme().toLower();
    if (scheme != "https"_L1 && scheme != "http"_L1) {
        return QCoreApplication::translate("AccountConfig",
                                           "The %1 base URL \"%2\" must start with https://.")
            .arg(label, shown);
    }
    if (url.host().isEmpty()) {
        return QCoreApplication::translate("AccountConfig",
                                           "The %1 base URL \"%2\" has no host name.")
            .arg(label, shown);
    }
    if (!url.userInfo().isEmpty()) {
        return QCoreApplication::translate(
                   "AccountConfig",
                   "The %1 base URL must not contain a user name or password; the Auth Token is "
                   "kept in the keychain.")
            .arg(label);
    }
    if (url.hasQuery() || url.hasFragment()) {
        return QCoreApplication::translate(
                   "AccountConfig",
                   "The %1 base URL \"%2\" must not have a query (?…) or fragment (#…).")
            .arg(label, shown);
    }
    if (scheme == "http"_L1 && !isLoopbackHost(url.host())) {
        return QCoreApplication::translate(
                   "AccountConfig",
                   "The %1 base URL \"%2\" uses plain http to %3: the Auth Token would travel "
                   "unencrypted. Use https:// (http is allowed only for 127.0.0.1, ::1 and "
                   "localhost).")
            .arg(label, shown, url.host());
    }
    return {};
}

QStringList AccountConfig::validationErrors() const
{
    QStringList errors;
    const QString sidError = accountSidError(accountSid);
    if (!sidError.isEmpty()) {
        errors.append(sidError);
    }
    for (const auto &[url, label] :
         {std::pair{apiBaseUrl, u"API"_s}, std::pair{lookupBaseUrl, u"Lookup"_s},
          std::pair{syncBaseUrl, u"Sync"_s}}) {
        const QString urlError = baseUrlError(url, label);
        if (!urlError.isEmpty()) {
            errors.append(urlError);
        }
    }
    return errors;
}
