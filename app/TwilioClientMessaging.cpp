// TwilioClient's Messaging Services (messaging v1) and provider-side scheduling (SendAt on
// the 2010 Messages resource, cancel by Status=canceled).
#include "MessagingBaseUrl.h"
#include "TwilioClientCalls.h"
#include "TwilioMessagingJson.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

void TwilioClient::sendMessageWithOptions(const QString &from, const QString &to,
                                          const QString &body, const MessageSendOptions &options,
                                          QObject *context, ProviderCallback<ProviderMessage> done)
{
    static const QRegularExpression servicePattern(u"^MG[0-9a-fA-F]{32}$"_s);
    const QString &service = options.messagingServiceSid;
    QString problem;
    if (to.isEmpty() || body.isEmpty())
        problem = to.isEmpty() ? u"A message needs a recipient number (To)"_s
                               : u"A message needs a body"_s;
    else if (from.isEmpty() && service.isEmpty())
        problem = u"A message needs a sender number (From) or a Messaging Service"_s;
    else if (!service.isEmpty() && !servicePattern.match(service).hasMatch())
        problem =
            u"\"%1\" is not a Messaging Service SID (MG and 32 hexadecimal digits)"_s.arg(service);
    else if (options.scheduled() && service.isEmpty())
        problem = u"Only a message sent through a Messaging Service can be scheduled"_s;
    if (!problem.isEmpty()) {
        failSoon(context, done, ProviderError::invalidRequest(problem));
        return;
    }
    TwilioUrl::Fields fields{{u"To"_s, to}};
    if (!from.isEmpty())
        fields.append({u"From"_s, from});
    if (!service.isEmpty())
        fields.append({u"MessagingServiceSid"_s, service});
    fields.append({u"Body"_s, body});
    if (options.scheduled()) {
        fields.append({u"ScheduleType"_s, u"fixed"_s});
        fields.append({u"SendAt"_s, options.sendAt.toUTC().toString(u"yyyy-MM-ddTHH:mm:ssZ"_s)});
    }
    call<ProviderMessage>(
        Method::Post, TwilioUrl::under(m_config.apiBaseUrl, accountPath() + "/Messages.json"),
        TwilioUrl::formEncode(fields), {}, context, &TwilioJson::message, std::move(done));
}

void TwilioClient::cancelScheduledMessage(const QString &messageSid, QObject *context,
                                          ProviderCallback<ProviderMessage> done)
{
    static const QRegularExpression sidPattern(u"^(SM|MM)[0-9a-fA-F]{32}$"_s);
    if (!sidPattern.match(messageSid).hasMatch()) {
        failSoon(context, done,
                 ProviderError::invalidRequest(
                     u"\"%1\" is not a message SID (SM or MM and 32 hexadecimal digits)"_s.arg(
                         messageSid)));
        return;
    }
    const QByteArray path = accountPath() + "/Messages/" + TwilioUrl::segment(messageSid) + ".json";
    call<ProviderMessage>(Method::Post, TwilioUrl::under(m_config.apiBaseUrl, path),
                          TwilioUrl::formEncode({{u"Status"_s, u"canceled"_s}}), {}, context,
                          &TwilioJson::message, std::move(done));
}

void TwilioClient::listMessagingServices(QObject *context,
                                         ProviderCallback<QList<MessagingService>> done)
{
    const QUrl base = MessagingBaseUrl::forApi(m_config.apiBaseUrl);
    const QUrl first = TwilioUrl::under(base, "/v1/Services", {{u"PageSize"_s, u"100"_s}});
    collectPages<MessagingService>(
        MessagingBaseUrl::pageBaseForApi(m_config.apiBaseUrl), first,
        &TwilioMessagingJson::servicePage, context, {}, TwilioClientLimits::kMaxPages,
        [this, context, done](const ProviderResult<QList<MessagingService>> &services) {
            if (!services.ok()) {
                done(services);
                return;
            }
            addPoolSenders(services.value(), 0, context, done);
        });
}

void TwilioClient::addPoolSenders(QList<MessagingService> services, qsizetype next,
                                  QObject *context, ProviderCallback<QList<MessagingService>> done)
{
    if (next >= services.size()) {
        done(services);
        return;
    }
    const QUrl base = MessagingBaseUrl::forApi(m_config.apiBaseUrl);
    const QUrl first = TwilioUrl::under(
        base, "/v1/Services/" + TwilioUrl::segment(services[next].sid) + "/PhoneNumbers",
        {{u"PageSize"_s, u"1000"_s}});
    collectPages<MessagingServiceSender>(
        MessagingBaseUrl::pageBaseForApi(m_config.apiBaseUrl), first,
        &TwilioMessagingJson::senderPage, context, {}, TwilioClientLimits::kMaxPages,
        [this, services = std::move(services), next, context,
         done](const ProviderResult<QList<MessagingServiceSender>> &senders) mutable {
            if (!senders.ok()) {
                done(senders.error());
                return;
            }
            services[next].senders = senders.value();
            addPoolSenders(std::move(services), next + 1, context, std::move(done));
        });
}
