#include "ApiReply.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace sandbox {

ApiReply ApiReply::json(const QJsonObject &object, int status)
{
    ApiReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

ApiReply ApiReply::bytes(const QByteArray &contentType, const QByteArray &data)
{
    ApiReply reply;
    reply.body = data;
    reply.contentType = contentType;
    return reply;
}

ApiReply ApiReply::noContent()
{
    ApiReply reply;
    reply.status = 204;
    return reply;
}

ApiReply ApiReply::error(int httpStatus, int code, const QString &message)
{
    QJsonObject body{
        {u"code"_s, code},
        {u"message"_s, message},
        {u"more_info"_s, QString(u"https://www.twilio.com/docs/errors/"_s + QString::number(code))},
        {u"status"_s, httpStatus}};
    return json(body, httpStatus);
}

} // namespace sandbox
