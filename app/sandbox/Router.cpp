#include "Router.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace sandbox {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    QRegularExpression re(u"\\A"_s + pattern + u"\\z"_s);
    Q_ASSERT_X(re.isValid(), "Router::add", "invalid route pattern");
    m_routes.push_back(Route{method, re, std::move(handler)});
}

ApiReply Router::dispatch(ApiRequest request) const
{
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        const QRegularExpressionMatch match = route.pattern.match(request.path);
        if (!match.hasMatch())
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        request.captures.clear();
        for (const QString &captured : match.capturedTexts().mid(1))
            request.captures.append(QUrl::fromPercentEncoding(captured.toUtf8()));
        return route.handler(request);
    }
    if (pathKnown) {
        return ApiReply::error(405, 20004,
                               u"Method not allowed: "_s + QString::fromLatin1(request.method));
    }
    return ApiReply::error(404, 20404,
                           u"The requested resource "_s + request.path + u" was not found"_s);
}

bool Router::matchesPath(const QString &path) const
{
    for (const Route &route : m_routes) {
        if (route.pattern.match(path).hasMatch())
            return true;
    }
    return false;
}

} // namespace sandbox
