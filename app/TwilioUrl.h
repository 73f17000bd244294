// Builds the URLs of Twilio requests: percent-encoded paths under a configured base URL, and
// the provider's next-page links moved onto that base so credentials never go elsewhere.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

namespace TwilioUrl {

using Fields = QList<std::pair<QString, QString>>;

// One path segment: UTF-8, percent-encoded except the unreserved characters and '+', ':' and
// '@', which RFC 3986 allows in a segment and Twilio's own URLs show raw (/PhoneNumbers/+1…).
QByteArray segment(const QString &value);

// application/x-www-form-urlencoded (also used for query strings): UTF-8, and every byte
// outside A–Z a–z 0–9 - . _ ~ percent-encoded, so '+' travels as %2B, never as a space.
QByteArray formEncode(const Fields &fields);

// `encodedPath` appended to the base URL's own path (a proxy prefix survives).
QUrl under(const QUrl &base, const QByteArray &encodedPath, const Fields &query = {});

// A next-page link (relative, as the 2010 API sends it, or absolute, as Sync does) moved onto
// `base`. nullopt when it is not a URI with an absolute path.
std::optional<QUrl> rebase(const QUrl &base, const QString &uri);

// Where the three APIs of one typed base URL live. Twilio's API host (api.twilio.com, or a
// regional one: api.{edge}.{region}.twilio.com, api.{region}.twilio.com) has its Lookup and
// Sync siblings (lookups.…, sync.…); any other address (the sandbox's loopback URL, a proxy)
// serves all three itself. Trailing slashes and a bare "/" path are dropped, the scheme and
// host are compared case-insensitively, and an https URL's explicit :443 is dropped.
struct Hosts
{
    QUrl api;
    QUrl lookup;
    QUrl sync;
};
Hosts hostsFor(const QUrl &typed);

} // namespace TwilioUrl
