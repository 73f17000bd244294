#include "TwilioFixtureProvider.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString ApiFile = u"twilio_api_v2010.json"_s;

// paths → path → method → responses → status → content → application/json → examples → name.
QJsonObject example(const QJsonObject &spec, const QString &path, const QString &method,
                    const QString &status, const QString &name)
{
    return spec
        .value("paths"_L1)[path][method]["responses"_L1][status]["content"_L1]
                          ["application/json"_L1]["examples"_L1][name]["value"_L1]
        .toObject();
}

QJsonObject overlay(QJsonObject base, const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

// The moment a message counts as sent for DateSent filters and ordering; Twilio's list is
// newest first. A message not sent yet (accepted, scheduled) has no date_sent.
QDateTime sentAt(const QJsonObject &message)
{
    const QString text = message.value("date_sent"_L1).toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::RFC2822Date);
}

QDateTime listedAt(const QJsonObject &message)
{
    const QDateTime sent = sentAt(message);
    return sent.isValid() ? sent
                          : QDateTime::fromString(message.value("date_created"_L1).toString(),
                                                  Qt::RFC2822Date);
}

QString field(const FieldList &fields, const QString &name)
{
    return RecordedRequest::value(fields, name);
}

} // namespace

TwilioFixtureProvider::TwilioFixtureProvider(QObject *parent)
    : ScriptedHttpServer(parent)
{}

bool TwilioFixtureProvider::load()
{
    QFile file(QStringLiteral(TWILIO_OAI_DIR) + u'/' + ApiFile);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = u"cannot read "_s + file.fileName();
        return false;
    }
    const QJsonObject spec = QJsonDocument::fromJson(file.readAll()).object();
    const QString account = u"/2010-04-01/Accounts/{Sid}.json"_s;
    const QString numbers = u"/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json"_s;
    const QString message = u"/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"_s;
    const QString messages = u"/2010-04-01/Accounts/{AccountSid}/Messages.json"_s;
    m_account = example(spec, account, u"get"_s, u"200"_s, u"fetch"_s);
    m_numberTemplate = example(spec, numbers, u"get"_s, u"200"_s, u"readFull"_s)
                           .value("incoming_phone_numbers"_L1)
                           .toArray()
                           .first()
                           .toObject();
    m_messageTemplate = example(spec, message, u"get"_s, u"200"_s, u"fetch"_s);
    m_createTemplate = example(spec, messages, u"post"_s, u"201"_s, u"create"_s);
    m_scheduledTemplate =
        example(spec, messages, u"post"_s, u"201"_s, u"createScheduledMessageSms"_s);
    m_cancelTemplate = example(spec, message, u"post"_s, u"200"_s, u"cancelMessage"_s);
    const QString media = u"/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json"_s;
    const bool mediaOk =
        m_media.setExample(example(spec, media, u"get"_s, u"200"_s, u"readFull"_s));
    if (m_account.isEmpty() || m_numberTemplate.isEmpty() || m_messageTemplate.isEmpty() ||
        m_createTemplate.isEmpty() || m_scheduledTemplate.isEmpty() || m_cancelTemplate.isEmpty() ||
        !mediaOk) {
        m_error = u"an example is missing from "_s + file.fileName();
        return false;
    }
    return start() || (m_error = u"cannot listen on loopback"_s, false);
}

QString TwilioFixtureProvider::accountSid() const
{
    return m_account.value("sid"_L1).toString();
}

QString TwilioFixtureProvider::rfc2822(const QDateTime &at)
{
    return QLocale::c().toString(at.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss +0000"_s);
}

QString TwilioFixtureProvider::nextSid(const QString &prefix)
{
    return prefix + u"%1"_s.arg(++m_serial, 32, 16, QLatin1Char('0'));
}

void TwilioFixtureProvider::addNumber(const QString &e164)
{
    QJsonObject number = m_numberTemplate;
    number.insert("phone_number"_L1, e164);
    number.insert("friendly_name"_L1, e164);
    number.insert("sid"_L1, nextSid(u"PN"_s));
    QJsonObject capabilities = number.value("capabilities"_L1).toObject();
    capabilities.insert("sms"_L1, true);
    number.insert("capabilities"_L1, capabilities);
    m_numbers.append(number);
}

QString TwilioFixtureProvider::addMessage(const QJsonObject &fields)
{
    QJsonObject message = overlay(m_messageTemplate, fields);
    QString sid = fields.value("sid"_L1).toString();
    if (sid.isEmpty()) {
        sid = nextSid(fields.value("num_media"_L1).toString(u"0"_s) == u"0"_s ? u"SM"_s : u"MM"_s);
        message.insert("sid"_L1, sid);
    }
    message.insert("uri"_L1, u"/2010-04-01/Accounts/%1/Messages/%2.json"_s.arg(accountSid(), sid));
    if (!m_messages.contains(sid))
        m_order.append(sid);
    m_messages.insert(sid, message);
    return sid;
}

void TwilioFixtureProvider::updateMessage(const QString &sid, const QJsonObject &fields)
{
    m_messages.insert(sid, overlay(m_messages.value(sid), fields));
}

int TwilioFixtureProvider::addEveryShape(const QString &ours, const QString &customer,
                                         const QDateTime &at)
{
    const auto when = [&](int minutes) { return rfc2822(at.addSecs(minutes * 60)); };
    const QString service = m_messageTemplate.value("messaging_service_sid"_L1).toString();
    const QList<QJsonObject> shapes = {
        // A plain outbound and inbound pair, as the examples show them.
        {{u"from"_s, ours},
         {u"to"_s, customer},
         {u"status"_s, u"delivered"_s},
         {u"body"_s, u"plain outbound"_s},
         {u"date_created"_s, when(0)},
         {u"date_sent"_s, when(0)},
         {u"date_updated"_s, when(0)}},
        {{u"from"_s, customer},
         {u"to"_s, ours},
         {u"direction"_s, u"inbound"_s},
         {u"status"_s, u"received"_s},
         {u"body"_s, u"plain inbound"_s},
         {u"price"_s, QJsonValue()},
         {u"messaging_service_sid"_s, QJsonValue()},
         {u"date_created"_s, when(1)},
         {u"date_sent"_s, when(1)},
         {u"date_updated"_s, when(1)}},
        // Messaging Service messages before a sender is picked: from null, num_segments u"0"_s
        // (u"initially 0, since a sender hasn't yet been assigned"_s), never sent.
        {{u"from"_s, QJsonValue()},
         {u"to"_s, customer},
         {u"status"_s, u"accepted"_s},
         {u"messaging_service_sid"_s, service},
         {u"num_segments"_s, u"0"_s},
         {u"price"_s, QJsonValue()},
         {u"body"_s, u"accepted by the service"_s},
         {u"date_created"_s, when(2)},
         {u"date_sent"_s, QJsonValue()},
         {u"date_updated"_s, when(2)}},
        {{u"from"_s, QJsonValue()},
         {u"to"_s, customer},
         {u"status"_s, u"scheduled"_s},
         {u"messaging_service_sid"_s, service},
         {u"num_segments"_s, u"0"_s},
         {u"price"_s, QJsonValue()},
         {u"body"_s, u"scheduled for tomorrow"_s},
         {u"date_created"_s, when(3)},
         {u"date_sent"_s, QJsonValue()},
         {u"date_updated"_s, when(3)}},
        {{u"from"_s, QJsonValue()},
         {u"to"_s, customer},
         {u"status"_s, u"canceled"_s},
         {u"messaging_service_sid"_s, service},
         {u"num_segments"_s, u"0"_s},
         {u"price"_s, QJsonValue()},
         {u"body"_s, u"scheduled, then canceled"_s},
         {u"date_created"_s, when(4)},
         {u"date_sent"_s, QJsonValue()},
         {u"date_updated"_s, when(5)}},
        // WhatsApp: channel addresses on both sides, and the read receipt.
        {{u"from"_s, QString(u"whatsapp:"_s + customer)},
         {u"to"_s, QString(u"whatsapp:"_s + ours)},
         {u"direction"_s, u"inbound"_s},
         {u"status"_s, u"received"_s},
         {u"body"_s, u"hi on WhatsApp"_s},
         {u"date_created"_s, when(6)},
         {u"date_sent"_s, when(6)},
         {u"date_updated"_s, when(6)}},
        {{u"from"_s, QString(u"whatsapp:"_s + ours)},
         {u"to"_s, QString(u"whatsapp:"_s + customer)},
         {u"status"_s, u"read"_s},
         {u"body"_s, u"read on WhatsApp"_s},
         {u"date_created"_s, when(7)},
         {u"date_sent"_s, when(7)},
         {u"date_updated"_s, when(8)}},
        // An alphanumeric sender ID.
        {{u"from"_s, u"ACMESHOP"_s},
         {u"to"_s, customer},
         {u"status"_s, u"delivered"_s},
         {u"body"_s, u"from a sender ID"_s},
         {u"date_created"_s, when(9)},
         {u"date_sent"_s, when(9)},
         {u"date_updated"_s, when(9)}},
        // A number the account released since.
        {{u"from"_s, customer},
         {u"to"_s, u"+15005550199"_s},
         {u"direction"_s, u"inbound"_s},
         {u"status"_s, u"received"_s},
         {u"body"_s, u"to a number we gave up"_s},
         {u"date_created"_s, when(10)},
         {u"date_sent"_s, when(10)},
         {u"date_updated"_s, when(10)}},
        // Inbound MMS with only a picture.
        {{u"from"_s, customer},
         {u"to"_s, ours},
         {u"direction"_s, u"inbound"_s},
         {u"status"_s, u"received"_s},
         {u"body"_s, u""_s},
         {u"num_media"_s, u"1"_s},
         {u"date_created"_s, when(11)},
         {u"date_sent"_s, when(11)},
         {u"date_updated"_s, when(11)}},
        // Group MMS partly delivered; a reply sent by TwiML; a failure without a message.
        {{u"from"_s, ours},
         {u"to"_s, customer},
         {u"status"_s, u"partially_delivered"_s},
         {u"body"_s, u"to a group"_s},
         {u"num_media"_s, u"1"_s},
         {u"date_created"_s, when(12)},
         {u"date_sent"_s, when(12)},
         {u"date_updated"_s, when(12)}},
        {{u"from"_s, ours},
         {u"to"_s, customer},
         {u"direction"_s, u"outbound-reply"_s},
         {u"status"_s, u"delivered"_s},
         {u"body"_s, u"a TwiML reply"_s},
         {u"date_created"_s, when(13)},
         {u"date_sent"_s, when(13)},
         {u"date_updated"_s, when(13)}},
        {{u"from"_s, ours},
         {u"to"_s, customer},
         {u"status"_s, u"undelivered"_s},
         {u"error_code"_s, 30007},
         {u"error_message"_s, QJsonValue()},
         {u"body"_s, u"filtered"_s},
         {u"date_created"_s, when(14)},
         {u"date_sent"_s, when(14)},
         {u"date_updated"_s, when(14)}},
    };
    for (const QJsonObject &shape : shapes)
        addMessage(shape);
    return int(shapes.size());
}

void TwilioFixtureProvider::failNext(const QString &pathSuffix, int status, int count)
{
    m_faults.append({pathSuffix, status, count});
}

int TwilioFixtureProvider::requestCount(const QString &pathSuffix) const
{
    return int(std::count_if(requests().begin(), requests().end(), [&](const RecordedRequest &r) {
        return r.path.endsWith(pathSuffix);
    }));
}

bool TwilioFixtureProvider::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QByteArray method = request.method() == QHttpServerRequest::Method::Post  ? "POST"
                              : request.method() == QHttpServerRequest::Method::Get ? "GET"
                                                                                    : "OTHER";
    const QString path = request.url().path(QUrl::FullyDecoded);
    QByteArray authorization;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            authorization = value;
    }
    ScriptedResponse response;
    const auto fault = std::find_if(m_faults.begin(), m_faults.end(), [&](const Fault &f) {
        return f.remaining > 0 && path.endsWith(f.suffix);
    });
    if (fault != m_faults.end()) {
        --fault->remaining;
        response = fault->status == 0 ? ScriptedResponse::closeWithoutReply()
                                      : error(fault->status, fault->status == 429 ? 20429 : 20500,
                                              u"Fixture fault"_s);
    } else {
        response = answer(method, path, request.url().query(QUrl::FullyEncoded).toLatin1(),
                          authorization, request.body());
    }
    // Every Twilio answer carries the provider's clock (RFC 7231 form).
    response.headers.append({"Date", QLocale::c()
                                         .toString(QDateTime::currentDateTimeUtc(),
                                                   u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                                         .toLatin1()});
    script(method, path, response);
    return ScriptedHttpServer::handleRequest(request, socket);
}

ScriptedResponse TwilioFixtureProvider::error(int status, int code, const QString &message)
{
    const QJsonObject body{{u"code"_s, code},
                           {u"message"_s, message},
                           {u"more_info"_s, u"https://www.twilio.com/docs/errors/%1"_s.arg(code)},
                           {u"status"_s, status}};
    return ScriptedResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ScriptedResponse TwilioFixtureProvider::answer(const QByteArray &method, const QString &path,
                                               const QByteArray &rawQuery,
                                               const QByteArray &authorization,
                                               const QByteArray &body)
{
    // Where a media content URL redirects: storage that wants no credentials.
    if (const auto stored = m_media.stored(path))
        return *stored;
    const QByteArray expected = "Basic " + (accountSid() + u':' + m_token).toUtf8().toBase64();
    if (authorization != expected)
        return error(401, 20003, u"Authenticate"_s);
    const QString prefix = u"/2010-04-01/Accounts/"_s + accountSid();
    if (!path.startsWith(prefix))
        return error(404, 20404, u"The requested resource "_s + path + u" was not found"_s);
    const QString rest = path.mid(prefix.size());
    const auto json = [](int status, const QJsonObject &object) {
        return ScriptedResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
    };
    if (method == "GET" && rest == u".json"_s)
        return json(200, m_account);
    if (method == "GET" && rest == u"/IncomingPhoneNumbers.json"_s) {
        QJsonArray items;
        for (const QJsonObject &number : m_numbers)
            items.append(number);
        return json(200, envelope(path, u"incoming_phone_numbers"_s, items, 0, 50, {}, false));
    }
    if (method == "GET" && rest == u"/SMS/ShortCodes.json"_s)
        return json(200, envelope(path, u"short_codes"_s, {}, 0, 50, {}, false));
    if (method == "GET" && rest == u"/Messages.json"_s)
        return listMessages(path, rawQuery);
    if (method == "POST" && rest == u"/Messages.json"_s)
        return createMessage(body);
    if (method == "GET" && rest.contains(u"/Media"_s)) {
        if (const auto media = m_media.answer(path, rest, rawQuery))
            return *media;
    }
    if (method == "POST" && rest.startsWith(u"/Messages/"_s) && rest.endsWith(u".json"_s))
        return cancelMessage(rest.mid(10).chopped(5), body);
    if (method == "GET" && rest.startsWith(u"/Messages/"_s) && rest.endsWith(u".json"_s)) {
        const QString sid = rest.mid(10).chopped(5);
        if (m_messages.contains(sid))
            return json(200, m_messages.value(sid));
    }
    return error(404, 20404, u"The requested resource "_s + path + u" was not found"_s);
}

QString TwilioFixtureProvider::addMedia(const QString &messageSid, const QString &contentType,
                                        const QByteArray &bytes)
{
    QJsonObject &message = m_messages[messageSid];
    message.insert("num_media"_L1,
                   QString::number(message.value("num_media"_L1).toString().toInt() + 1));
    return m_media.add(accountSid(), messageSid, contentType, bytes);
}

QJsonObject TwilioFixtureProvider::envelope(const QString &path, const QString &listKey,
                                            const QJsonArray &items, int page, int pageSize,
                                            const QString &filters, bool more) const
{
    const auto pageUri = [&](int number) {
        QString uri = path + u'?' + filters + u"PageSize=%1&Page=%2"_s.arg(pageSize).arg(number);
        if (number > 0)
            uri += u"&PageToken=PA%1"_s.arg(qint64(number) * pageSize);
        return uri;
    };
    const qint64 start = qint64(page) * pageSize;
    return QJsonObject{
        {u"end"_s, items.isEmpty() ? start : start + items.size() - 1},
        {u"first_page_uri"_s, pageUri(0)},
        {u"next_page_uri"_s, more ? QJsonValue(pageUri(page + 1)) : QJsonValue()},
        {u"page"_s, page},
        {u"page_size"_s, pageSize},
        {u"previous_page_uri"_s, page > 0 ? QJsonValue(pageUri(page - 1)) : QJsonValue()},
        {listKey, items},
        {u"start"_s, start},
        {u"uri"_s, pageUri(page)},
    };
}

ScriptedResponse TwilioFixtureProvider::listMessages(const QString &path,
                                                     const QByteArray &rawQuery)
{
    const FieldList query = RecordedRequest::decodeForm(rawQuery);
    // Twilio's default page holds 50.
    const QString pageSizeText = field(query, u"PageSize"_s);
    const int pageSize = pageSizeText.isEmpty() ? 50 : std::clamp(pageSizeText.toInt(), 1, 1000);
    const int page = std::max(0, field(query, u"Page"_s).toInt());
    const QString to = field(query, u"To"_s);
    const QString from = field(query, u"From"_s);
    // Day granularity in UTC, as the helper libraries send them.
    const QDate after = QDate::fromString(field(query, u"DateSent>"_s), Qt::ISODate);
    const QDate before = QDate::fromString(field(query, u"DateSent<"_s), Qt::ISODate);
    const QDate on = QDate::fromString(field(query, u"DateSent"_s), Qt::ISODate);
    QString filters;
    for (const auto &[name, value] : query) {
        if (name != u"PageSize"_s && name != u"Page"_s && name != u"PageToken"_s)
            filters += QString::fromLatin1(name.toUtf8().toPercentEncoding() + '=' +
                                           value.toUtf8().toPercentEncoding() + '&');
    }

    QList<QJsonObject> matching;
    for (const QString &sid : std::as_const(m_order)) {
        const QJsonObject &m = m_messages[sid];
        const QDate day = sentAt(m).toUTC().date();
        if ((!to.isEmpty() && m.value("to"_L1).toString() != to) ||
            (!from.isEmpty() && m.value("from"_L1).toString() != from))
            continue;
        // A message not sent yet has no date_sent, so a DateSent filter never matches it.
        // Both bounds include their day: `DateSent<=YYYY-MM-DD` is "on and before", as
        // Twilio's list documents it (the query name is `DateSent<`, the value the day).
        if ((after.isValid() && (!day.isValid() || day < after)) ||
            (before.isValid() && (!day.isValid() || day > before)) || (on.isValid() && day != on))
            continue;
        matching.append(m);
    }
    std::stable_sort(
        matching.begin(), matching.end(),
        [](const QJsonObject &a, const QJsonObject &b) { return listedAt(a) > listedAt(b); });
    const qint64 start = qint64(page) * pageSize;
    QJsonArray items;
    for (qint64 i = start; i < std::min<qint64>(start + pageSize, matching.size()); ++i)
        items.append(matching.at(i));
    const bool more = start + pageSize < matching.size();
    return ScriptedResponse::json(
        200, QJsonDocument(envelope(path, u"messages"_s, items, page, pageSize, filters, more))
                 .toJson(QJsonDocument::Compact));
}

ScriptedResponse TwilioFixtureProvider::createMessage(const QByteArray &body)
{
    const FieldList form = RecordedRequest::decodeForm(body);
    if (!field(form, u"SendAt"_s).isEmpty() || !field(form, u"ScheduleType"_s).isEmpty())
        return createScheduled(form);
    const QString now = rfc2822(QDateTime::currentDateTimeUtc());
    QJsonObject created = overlay(m_createTemplate, {{u"from"_s, field(form, u"From"_s)},
                                                     {u"to"_s, field(form, u"To"_s)},
                                                     {u"body"_s, field(form, u"Body"_s)},
                                                     {u"date_created"_s, now},
                                                     {u"date_sent"_s, QJsonValue()},
                                                     {u"date_updated"_s, now},
                                                     {u"sid"_s, nextSid(u"SM"_s)}});
    const QString sid = addMessage(created);
    return ScriptedResponse::json(
        201, QJsonDocument(m_messages.value(sid)).toJson(QJsonDocument::Compact));
}

ScriptedResponse TwilioFixtureProvider::createScheduled(const FieldList &form)
{
    // Twilio's documented rules (TWILIO-NOTES, "Scheduling"): both fields, a service, ISO 8601.
    const QString service = field(form, u"MessagingServiceSid"_s);
    if (field(form, u"ScheduleType"_s) != u"fixed"_s || field(form, u"SendAt"_s).isEmpty())
        return error(400, 35111, u"SendAt and ScheduleType=fixed go together"_s);
    if (!service.startsWith(u"MG"_s))
        return error(400, 35118, u"MessagingServiceSid is required to schedule a message"_s);
    const QDateTime at = QDateTime::fromString(field(form, u"SendAt"_s), Qt::ISODate);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!at.isValid() || now.secsTo(at) < 300 || now.secsTo(at) > 35LL * 24 * 3600)
        return error(400, 35114, u"SendAt must be between 300 seconds and 35 days ahead"_s);
    const QString stamp = rfc2822(now);
    const QString from = field(form, u"From"_s);
    // The example answers `queued`; a real account answers `scheduled` (Twilio's docs).
    QJsonObject created =
        overlay(m_scheduledTemplate, {{u"from"_s, from.isEmpty() ? QJsonValue() : QJsonValue(from)},
                                      {u"to"_s, field(form, u"To"_s)},
                                      {u"body"_s, field(form, u"Body"_s)},
                                      {u"messaging_service_sid"_s, service},
                                      {u"status"_s, u"scheduled"_s},
                                      {u"date_created"_s, stamp},
                                      {u"date_sent"_s, QJsonValue()},
                                      {u"date_updated"_s, stamp},
                                      {u"sid"_s, nextSid(u"SM"_s)}});
    const QString sid = addMessage(created);
    m_sendAt.insert(sid, at.toUTC());
    return ScriptedResponse::json(
        201, QJsonDocument(m_messages.value(sid)).toJson(QJsonDocument::Compact));
}

ScriptedResponse TwilioFixtureProvider::cancelMessage(const QString &sid, const QByteArray &body)
{
    if (!m_messages.contains(sid))
        return error(404, 20404, u"The requested resource was not found"_s);
    const FieldList form = RecordedRequest::decodeForm(body);
    if (field(form, u"Status"_s) != u"canceled"_s)
        return error(400, 21218, u"Only Status=canceled is supported here"_s);
    if (m_messages.value(sid).value("status"_L1).toString() != u"scheduled"_s)
        return error(400, 30409, u"Message is not in a cancelable state"_s);
    QJsonObject canceled = m_messages.value(sid);
    canceled.insert("status"_L1, m_cancelTemplate.value("status"_L1));
    canceled.insert("date_updated"_L1, rfc2822(QDateTime::currentDateTimeUtc()));
    updateMessage(sid, canceled);
    return ScriptedResponse::json(
        200, QJsonDocument(m_messages.value(sid)).toJson(QJsonDocument::Compact));
}
