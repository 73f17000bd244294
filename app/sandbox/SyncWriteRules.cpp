#include "SyncWriteRules.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace SyncWriteRules {

QString ifMatch(const ApiRequest &request)
{
    QString value = QString::fromUtf8(request.header("if-match")).trimmed();
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
        value = value.mid(1, value.size() - 2);
    return value;
}

bool revisionConflicts(const ApiRequest &request, quint64 revision)
{
    const QString expected = ifMatch(request);
    return !expected.isEmpty() && expected != u"*"_s && expected != QString::number(revision);
}

bool parseData(const QString &text, const QString &what, QByteArray *out, ApiReply *error)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > kMaxDataBytes) {
        // Twilio's "Request entity too large" for Sync data over the 16 KiB limit.
        *error = ApiReply::error(
            400, 54006, u"%1 data is %2 bytes; the limit is 16 KiB"_s.arg(what).arg(utf8.size()));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = ApiReply::error(400, 54206,
                                 u"%1 data must be a JSON object: %2"_s.arg(
                                     what, parseError.error == QJsonParseError::NoError
                                               ? u"not an object"_s
                                               : parseError.errorString()));
        return false;
    }
    *out = doc.toJson(QJsonDocument::Compact);
    return true;
}

bool parseTtl(const ApiRequest &request, const QString &name, const QString &alias,
              std::optional<qint64> *seconds, ApiReply *error)
{
    const QString field = request.hasField(name) ? name : alias;
    if (!request.hasField(field))
        return true;
    bool ok = false;
    const qint64 value = request.field(field).toLongLong(&ok);
    if (!ok || value < 0 || value > kMaxTtlSeconds) {
        *error = ApiReply::error(
            400, 20001,
            u"Invalid %1 '%2': an integer from 0 to %3"_s.arg(field, request.field(field))
                .arg(kMaxTtlSeconds));
        return false;
    }
    *seconds = value;
    return true;
}

} // namespace SyncWriteRules

} // namespace sandbox
