// Lookup v2: GET /v2/PhoneNumbers/{PhoneNumber}[?Fields=line_type_intelligence][&CountryCode=XX].
#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"

#include <QJsonObject>

namespace sandbox {

class Router;

class LookupResource
{
public:
    // baseUrl is read at request time (the port is known only after listen()).
    explicit LookupResource(const QString &baseUrl);
    void registerRoutes(Router &router);

    ApiReply fetch(const ApiRequest &request) const;
    static QJsonObject lookup(const QString &number, const QString &countryCode, bool lineType,
                              const QString &baseUrl);

private:
    const QString &m_baseUrl;
};

} // namespace sandbox
