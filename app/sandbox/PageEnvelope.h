// Twilio's paging: the 2010 API envelope (page, page_size, start, end, uri, first_page_uri,
// next_page_uri, previous_page_uri) and the v1 "meta" object, plus PageSize/Page parsing.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace sandbox {

struct ApiRequest;

namespace PageEnvelope {

using Params = QList<QPair<QString, QString>>;

struct Paging
{
    int pageSize = 50;
    int page = 0;
    QString pageToken;
    QString error; // non-empty: a 400 answer to give
};
// PageSize 1..maxPageSize (default 50), Page >= 0 with Page x PageSize within int range,
// PageToken as given.
Paging parse(const ApiRequest &request, int maxPageSize);

// "path?K=V&..." with Twilio's encoding (%2B for '+', %3C for '<').
QString uri(const QString &path, const Params &params);

// The 2010 envelope. filters: the list's filter parameters in request order; next/previous
// tokens empty when there is no such page.
QJsonObject v2010(const QString &path, const Params &filters, const QString &key,
                  const QJsonArray &items, const Paging &paging, const QString &nextToken,
                  const QString &previousToken);

// The v1 envelope {key: items, meta: {...}}; urls are absolute (baseUrl + path).
QJsonObject v1(const QString &baseUrl, const QString &path, const Params &filters,
               const QString &key, const QJsonArray &items, const Paging &paging,
               const QString &nextToken, const QString &previousToken);

} // namespace PageEnvelope

} // namespace sandbox
