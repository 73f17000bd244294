#include "TwilioMediaJson.h"

#include "JsonFieldReader.h"

using namespace Qt::StringLiterals;

namespace {

ProviderError parseError(const QString &message)
{
    return ProviderError::parse(message, 0, false);
}

} // namespace

ProviderResult<ProviderMedia> TwilioMediaJson::media(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"media"_s);
    ProviderMedia media;
    media.sid = reader.requiredString("sid"_L1);
    media.parentSid = reader.string("parent_sid"_L1);
    media.accountSid = reader.string("account_sid"_L1);
    media.contentType = reader.string("content_type"_L1);
    media.dateCreated = reader.rfc2822Date("date_created"_L1);
    media.uri = reader.requiredString("uri"_L1);
    if (reader.failed())
        return parseError(reader.error());
    return media;
}

ProviderResult<ProviderPage<ProviderMedia>> TwilioMediaJson::mediaPage(const QJsonObject &json)
{
    JsonFieldReader reader(json, u"media list page"_s);
    if (!json.value("media_list"_L1).isArray())
        return parseError(u"The list page has no \"media_list\" list"_s);
    ProviderPage<ProviderMedia> page;
    page.nextPageUri = reader.string("next_page_uri"_L1);
    const QJsonArray items = reader.array("media_list"_L1);
    if (reader.failed())
        return parseError(reader.error());
    for (qsizetype i = 0; i < items.size(); ++i) {
        ProviderResult<ProviderMedia> item = media(items.at(i).toObject());
        if (!items.at(i).isObject() || !item.ok())
            return parseError(u"Entry %1 of the media list is not readable: %2"_s.arg(i).arg(
                item.ok() ? u"not an object"_s : item.error().message()));
        page.items.append(std::move(item.value()));
    }
    return page;
}
