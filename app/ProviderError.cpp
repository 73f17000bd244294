#include "ProviderError.h"

#include "Rfc2822Date.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr int kAuthCode = 20003;
constexpr int kTooManyRequestsCode = 20429;

// A JSON number or a numeric string; Twilio sends `code` and `status` as numbers.
std::optional<int> intValue(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<int>(number))) {
            return static_cast<int>(number);
        }
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const int number = value.toString().toInt(&ok);
        return ok ? std::optional<int>(number) : std::nullopt;
    }
    return std::nullopt;
}

// A short, single-line excerpt of a body that is not Twilio's error JSON (e.g. a proxy's
// HTML page), so the error still says something about what came back.
QString excerpt(const QByteArray &body)
{
    constexpr qsizetype kMax = 120;
    QString text = QString::fromUtf8(body.left(kMax * 4)).simplified();
    if (text.size() > kMax) {
        text = text.left(kMax) + u'…';
    }
    return text;
}

bool neverLeftTheClient(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return true;
    default:
        return false;
    }
}

bool retryingCannotHelp(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return true;
    default:
        return false;
    }
}

} // namespace

ProviderError::ProviderError(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
{}

ProviderError ProviderError::fromHttpResponse(int httpStatus, const QByteArray &body,
                                              const QByteArray &retryAfterHeader,
                                              bool requestWasPost, const QDateTime &nowUtc)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    std::optional<int> code;
    QString message;
    QString moreInfo;
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        code = intValue(object.value("code"_L1));
        message = object.value("message"_L1).toString();
        moreInfo = object.value("more_info"_L1).toString();
        // 401 answers say "Authenticate" in `message` and the useful part in `detail`.
        const QString detail = object.value("detail"_L1).toString();
        if (!detail.isEmpty() && detail != message) {
            message = message.isEmpty() ? detail : message + u": "_s + detail;
        }
    }
    const bool twilioBody = code.has_value() || !message.isEmpty();

    Kind kind = Kind::Http;
    if (httpStatus == 401 || code == kAuthCode) {
        kind = Kind::Auth;
    } else if (httpStatus == 429 || code == kTooManyRequestsCode) {
        kind = Kind::RateLimited;
    }
    if (!twilioBody) {
        message = body.trimmed().isEmpty()
                      ? u"HTTP %1 with an empty body"_s.arg(httpStatus)
                      : u"HTTP %1 with a body that is not a Twilio error: %2"_s.arg(httpStatus)
                            .arg(excerpt(body));
    }

    ProviderError error(kind, message);
    error.m_httpStatus = httpStatus;
    error.m_twilioCode = code;
    error.m_moreInfo = moreInfo;
    error.m_retryAfter = parseRetryAfter(retryAfterHeader, nowUtc);
    error.m_requestWasPost = requestWasPost;
    return error;
}

ProviderError ProviderError::fromNetworkError(QNetworkReply::NetworkError networkError,
                                              const QString &errorString, bool requestWasPost)
{
    ProviderError error(Kind::Network, errorString);
    error.m_networkError = networkError;
    error.m_requestWasPost = requestWasPost;
    return error;
}

ProviderError ProviderError::timeout(int timeoutMs, bool requestWasPost)
{
    ProviderError error(Kind::Timeout,
                        u"The provider did not answer within %1 ms"_s.arg(timeoutMs));
    error.m_networkError = QNetworkReply::OperationCanceledError;
    error.m_requestWasPost = requestWasPost;
    return error;
}

ProviderError ProviderError::cancelled(bool requestWasPost)
{
    ProviderError error(Kind::Cancelled, u"The request was cancelled"_s);
    error.m_networkError = QNetworkReply::OperationCanceledError;
    error.m_requestWasPost = requestWasPost;
    return error;
}

ProviderError ProviderError::parse(const QString &message, int httpStatus, bool requestWasPost)
{
    ProviderError error(Kind::Parse, message);
    error.m_httpStatus = httpStatus;
    error.m_requestWasPost = requestWasPost;
    return error;
}

ProviderError ProviderError::invalidRequest(const QString &message)
{
    return ProviderError(Kind::InvalidRequest, message);
}

std::optional<int> ProviderError::parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0 || trimmed.startsWith('+') || seconds > std::numeric_limits<int>::max()) {
            return std::nullopt;
        }
        return static_cast<int>(seconds);
    }
    const QDateTime at = Rfc2822Date::parse(QString::fromLatin1(trimmed));
    if (!at.isValid()) {
        return std::nullopt;
    }
    return static_cast<int>(std::max<qint64>(0, nowUtc.secsTo(at)));
}

QString ProviderError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return u"Network"_s;
    case Kind::Timeout:
        return u"Timeout"_s;
    case Kind::Http:
        return u"Http"_s;
    case Kind::Auth:
        return u"Auth"_s;
    case Kind::RateLimited:
        return u"RateLimited"_s;
    case Kind::Parse:
        return u"Parse"_s;
    case Kind::Cancelled:
        return u"Cancelled"_s;
    case Kind::InvalidRequest:
        return u"InvalidRequest"_s;
    }
    return {};
}

bool ProviderError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
        return !retryingCannotHelp(m_networkError);
    case Kind::Timeout:
    case Kind::RateLimited:
        return true;
    case Kind::Http:
    case Kind::Parse:
        return m_httpStatus >= 500 || m_httpStatus == 408;
    case Kind::Auth:
    case Kind::Cancelled:
    case Kind::InvalidRequest:
        return false;
    }
    return false;
}

bool ProviderError::responseMayBeLost() const
{
    if (!m_requestWasPost) {
        return false;
    }
    switch (m_kind) {
    case Kind::Network:
        return !neverLeftTheClient(m_networkError);
    case Kind::Timeout:
    case Kind::Cancelled:
        return true;
    case Kind::Parse:
        // A 2xx whose body we cannot read: the resource exists but we do not know its sid.
        return m_httpStatus < 300 || m_httpStatus >= 500;
    case Kind::Http:
        // A 5xx may come from a gateway after the provider accepted the request.
        return m_httpStatus >= 500;
    case Kind::Auth:
    case Kind::RateLimited:
    case Kind::InvalidRequest:
        return false;
    }
    return false;
}

QString ProviderError::displayMessage() const
{
    const QString codeSuffix =
        m_twilioCode
            ? QCoreApplication::translate("ProviderError", " (Twilio error %1)").arg(*m_twilioCode)
            : QString();
    switch (m_kind) {
    case Kind::Auth:
        return QCoreApplication::translate("ProviderError",
                                           "The Account SID or Auth Token is wrong") +
               codeSuffix + u'.';
    case Kind::RateLimited:
        return m_retryAfter ? QCoreApplication::translate(
                                  "ProviderError",
                                  "The provider is rate limiting requests; retrying in %1 s%2.")
                                  .arg(*m_retryAfter)
                                  .arg(codeSuffix)
                            : QCoreApplication::translate(
                                  "ProviderError",
                                  "The provider is rate limiting requests%1; retrying later.")
                                  .arg(codeSuffix);
    case Kind::Network:
        return QCoreApplication::translate("ProviderError", "Could not reach the provider: %1")
            .arg(m_message);
    case Kind::Http:
        if (m_twilioCode) {
            return QCoreApplication::translate("ProviderError", "%1 (Twilio error %2, HTTP %3)")
                .arg(m_message)
                .arg(*m_twilioCode)
                .arg(m_httpStatus);
        }
        return m_message;
    case Kind::Timeout:
    case Kind::Parse:
    case Kind::Cancelled:
    case Kind::InvalidRequest:
        return m_message;
    }
    return m_message;
}