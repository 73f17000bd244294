#include "PageEnvelope.h"

#include "ApiRequest.h"

#include <QUrl>

#include <limits>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace PageEnvelope {

Paging parse(const ApiRequest &request, int maxPageSize)
{
    Paging paging;
    const QString size = request.param(u"PageSize"_s);
    if (!size.isEmpty()) {
        bool ok = false;
        paging.pageSize = size.toInt(&ok);
        if (!ok || paging.pageSize < 1 || paging.pageSize > maxPageSize) {
            paging.error = u"Invalid PageSize %1: must be an integer from 1 to %2"_s.arg(size).arg(
                maxPageSize);
            return paging;
        }
    }
    const QString page = request.param(u"Page"_s);
    if (!page.isEmpty()) {
        bool ok = false;
        paging.page = page.toInt(&ok);
        // Page x PageSize is the first item's offset: it (and the next page's number) must
        // stay an int, or a huge Page would overflow into a negative start.
        const int maxPage = (std::numeric_limits<int>::max() - 1) / paging.pageSize;
        if (!ok || paging.page < 0 || paging.page > maxPage) {
            paging.error =
                u"Invalid Page %1: must be an integer from 0 to %2 with PageSize %3"_s.arg(page)
                    .arg(maxPage)
                    .arg(paging.pageSize);
            return paging;
        }
    }
    paging.pageToken = request.param(u"PageToken"_s);
    return paging;
}

QString uri(const QString &path, const Params &params)
{
    QString out = path;
    for (qsizetype i = 0; i < params.size(); ++i) {
        out += (i == 0 ? u'?' : u'&');
        out += QString::fromLatin1(QUrl::toPercentEncoding(params[i].first)) + u'=' +
               QString::fromLatin1(QUrl::toPercentEncoding(params[i].second));
    }
    return out;
}

namespace {

Params pageParams(const Params &filters, const Paging &paging, int page, const QString &token)
{
    Params params = filters;
    params.append({u"PageSize"_s, QString::number(paging.pageSize)});
    params.append({u"Page"_s, QString::number(page)});
    if (!token.isEmpty())
        params.append({u"PageToken"_s, token});
    return params;
}

} // namespace

QJsonObject v2010(const QString &path, const Params &filters, const QString &key,
                  const QJsonArray &items, const Paging &paging, const QString &nextToken,
                  const QString &previousToken)
{
    const qint64 start = qint64(paging.page) * paging.pageSize;
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject{
        {key, items},
        {u"end"_s, items.isEmpty() ? start : start + items.size() - 1},
        {u"first_page_uri"_s, uri(path, pageParams(filters, paging, 0, {}))},
        {u"next_page_uri"_s,
         nextToken.isEmpty()
             ? null
             : QJsonValue(uri(path, pageParams(filters, paging, paging.page + 1, nextToken)))},
        {u"page"_s, paging.page},
        {u"page_size"_s, paging.pageSize},
        {u"previous_page_uri"_s,
         paging.page == 0 || previousToken.isEmpty()
             ? null
             : QJsonValue(uri(path, pageParams(filters, paging, paging.page - 1, previousToken)))},
        {u"start"_s, start},
        {u"uri"_s, uri(path, pageParams(filters, paging, paging.page, paging.pageToken))},
    };
}

QJsonObject v1(const QString &baseUrl, const QString &path, const Params &filters,
               const QString &key, const QJsonArray &items, const Paging &paging,
               const QString &nextToken, const QString &previousToken)
{
    const QJsonValue null(QJsonValue::Null);
    const QString absolute = baseUrl + path;
    QJsonObject meta{
        {u"first_page_url"_s, uri(absolute, pageParams(filters, paging, 0, {}))},
        {u"key"_s, key},
        {u"next_page_url"_s,
         nextToken.isEmpty()
             ? null
             : QJsonValue(uri(absolute, pageParams(filters, paging, paging.page + 1, nextToken)))},
        {u"page"_s, paging.page},
        {u"page_size"_s, paging.pageSize},
        {u"previous_page_url"_s,
         paging.page == 0 || previousToken.isEmpty()
             ? null
             : QJsonValue(
                   uri(absolute, pageParams(filters, paging, paging.page - 1, previousToken)))},
        {u"url"_s, uri(absolute, pageParams(filters, paging, paging.page, paging.pageToken))},
    };
    return QJsonObject{{key, items}, {u"meta"_s, meta}};
}

} // namespace PageEnvelope

} // namespace sandbox
