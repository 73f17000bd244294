// Maps a method and a path pattern to a handler; each resource registers its own routes.
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QRegularExpression>

#include <functional>
#include <vector>

namespace sandbox {

class Router
{
public:
    using Handler = std::function<ApiReply(const ApiRequest &)>;

    // pattern is a regular expression over the whole path; its capture groups land in
    // ApiRequest::captures in order.
    void add(const QByteArray &method, const QString &pattern, Handler handler);

    // Dispatches to the matching route; 404 (20404) for an unknown path and 405 for a known
    // path with another method, both with Twilio's error body.
    ApiReply dispatch(ApiRequest request) const;
    bool matchesPath(const QString &path) const;

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace sandbox
