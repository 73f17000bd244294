// A message as Twilio's 2010 API writes it (api.v2010.account.message: every property).
#pragma once

#include <QJsonObject>

namespace sandbox {

class SandboxMessageStore;
struct StoredMessage;

namespace MessageJson {

QJsonObject toJson(const SandboxMessageStore &store, const StoredMessage &message,
                   const QString &accountSid);

} // namespace MessageJson

} // namespace sandbox
