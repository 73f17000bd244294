// The typed error of a provider request: what failed, whether retrying can help, and whether
// a POST may have been carried out although its answer never arrived.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>
#include <QString>

#include <optional>

class ProviderError
{
public:
    enum class Kind
    {
        Network,        // no usable HTTP response: refused, reset, DNS, TLS, closed mid-response
        Timeout,        // no complete answer within the transfer timeout
        Http,           // an HTTP error status (other than auth and rate limiting)
        Auth,           // HTTP 401 / Twilio 20003: wrong Account SID or Auth Token
        RateLimited,    // HTTP 429 / Twilio 20429
        Parse,          // a response body that is not what the wire format promises
        Cancelled,      // cancelled by the app (ProviderClient::cancelAll)
        InvalidRequest, // refused before sending: bad input or configuration
    };

    ProviderError(Kind kind, QString message);

    // An HTTP error response (status >= 300). Parses Twilio's {code, message, more_info,
    // status} body; any other body still gives an error carrying the HTTP status.
    static ProviderError
    fromHttpResponse(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader,
                     bool requestWasPost,
                     const QDateTime &nowUtc = QDateTime::currentDateTimeUtc());
    static ProviderError fromNetworkError(QNetworkReply::NetworkError error,
                                          const QString &errorString, bool requestWasPost);
    static ProviderError timeout(int timeoutMs, bool requestWasPost);
    static ProviderError cancelled(bool requestWasPost);
    static ProviderError parse(const QString &message, int httpStatus, bool requestWasPost);
    static ProviderError invalidRequest(const QString &message);

    // `Retry-After` is either delta-seconds or an HTTP-date; nullopt when absent or malformed.
    static std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);
    static QString kindName(Kind kind);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; } // 0 when no HTTP status was received
    std::optional<int> twilioCode() const { return m_twilioCode; }
    QString message() const { return m_message; } // the provider's own text when it sent one
    QString moreInfo() const { return m_moreInfo; }
    std::optional<int> retryAfterSeconds() const { return m_retryAfter; }
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    bool requestWasPost() const { return m_requestWasPost; }

    // Retrying the same request later can succeed (rate limits, 5xx, network, timeouts).
    bool isTransient() const;
    // The request may have been carried out although no usable answer arrived: a POST must
    // be reconciled (looked up at the provider) before it is retried.
    bool responseMayBeLost() const;
    // One sentence for people, e.g. for a status bar or a failed message's tooltip.
    QString displayMessage() const;

private:
    Kind m_kind;
    int m_httpStatus = 0;
    std::optional<int> m_twilioCode;
    QString m_message;
    QString m_moreInfo;
    std::optional<int> m_retryAfter;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    bool m_requestWasPost = false;
};
