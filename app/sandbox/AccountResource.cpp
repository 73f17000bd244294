#include "AccountResource.h"

#include "Router.h"
#include "SandboxState.h"
#include "WireFormat.h"

#include <QDateTime>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace sandbox {

AccountResource::AccountResource(const SandboxState &state)
    : m_state(state)
{}

void AccountResource::registerRoutes(Router &router)
{
    router.add("GET", u"/2010-04-01/Accounts/([^/]+)\\.json"_s,
               [this](const ApiRequest &r) { return fetchAccount(r); });
}

ApiReply AccountResource::fetchAccount(const ApiRequest &request) const
{
    const QString sid = request.captures.value(0);
    if (sid != m_state.accountSid) {
        return ApiReply::error(404, 20404,
                               u"The requested resource "_s + request.path + u" was not found"_s);
    }
    // A fixed creation date: the sandbox has no history of its own account.
    const QString date =
        WireFormat::rfc2822(QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    const QString uri = u"/2010-04-01/Accounts/"_s + sid;
    return ApiReply::json(QJsonObject{
        {u"auth_token"_s, m_state.authToken},
        {u"date_created"_s, date},
        {u"date_updated"_s, date},
        {u"friendly_name"_s, u"SMS Desk sandbox"_s},
        {u"owner_account_sid"_s, sid},
        {u"sid"_s, sid},
        {u"status"_s, u"active"_s},
        {u"subresource_uris"_s,
         QJsonObject{{u"messages"_s, QString(uri + u"/Messages.json"_s)},
                     {u"incoming_phone_numbers"_s, QString(uri + u"/IncomingPhoneNumbers.json"_s)},
                     {u"short_codes"_s, QString(uri + u"/SMS/ShortCodes.json"_s)}}},
        {u"type"_s, u"Full"_s},
        {u"uri"_s, QString(uri + u".json"_s)},
    });
}

} // namespace sandbox
