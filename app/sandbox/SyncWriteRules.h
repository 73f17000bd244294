// Form rules shared by the Sync item resources written after Maps: If-Match revisions,
// Data (a JSON object of at most 16 KiB) and the TTL fields with their aliases.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace sandbox {

namespace SyncWriteRules {

constexpr int kMaxDataBytes = 16 * 1024;
// Twilio's Sync payload limits page: a TTL may be up to 31,536,000 s (a year).
constexpr qint64 kMaxTtlSeconds = 31536000;

// If-Match as helper libraries send it: the bare revision, sometimes quoted; empty if absent.
QString ifMatch(const ApiRequest &request);
// True when If-Match names another revision than `revision` ("*" matches any).
bool revisionConflicts(const ApiRequest &request, quint64 revision);

// Data as compact JSON object text; false with a 400 in *error. `what` names the resource.
bool parseData(const QString &text, const QString &what, QByteArray *out, ApiReply *error);

// The TTL in seconds from `name`, else from its alias (`alias` is ignored when both are given,
// as the OpenAPI file says); nullopt when neither is present. 0 means "never expires".
bool parseTtl(const ApiRequest &request, const QString &name, const QString &alias,
              std::optional<qint64> *seconds, ApiReply *error);

// Sandbox ms at which something written at nowMs with `seconds` of TTL expires; 0 = never.
inline qint64 expiryAt(qint64 nowMs, qint64 seconds)
{
    return seconds > 0 ? nowMs + seconds * 1000 : 0;
}

} // namespace SyncWriteRules

} // namespace sandbox
