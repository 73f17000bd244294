#include "TwilioFixtureMedia.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

bool TwilioFixtureMedia::setExample(const QJsonObject &listExample)
{
    m_listExample = listExample;
    m_itemExample = listExample.value("media_list"_L1).toArray().first().toObject();
    return !m_itemExample.isEmpty();
}

QString TwilioFixtureMedia::add(const QString &accountSid, const QString &messageSid,
                                const QString &contentType, const QByteArray &bytes)
{
    const QString sid = u"ME"_s + u"%1"_s.arg(++m_serial, 32, 16, QLatin1Char('0'));
    QJsonObject item = m_itemExample;
    item.insert("sid"_L1, sid);
    item.insert("parent_sid"_L1, messageSid);
    item.insert("account_sid"_L1, accountSid);
    item.insert("content_type"_L1, contentType);
    item.insert("uri"_L1, QString(u"/2010-04-01/Accounts/"_s + accountSid + u"/Messages/"_s +
                                  messageSid + u"/Media/"_s + sid + u".json"_s));
    m_byMessage[messageSid].append(item);
    m_bytes.insert(sid, bytes);
    return sid;
}

std::optional<ScriptedResponse> TwilioFixtureMedia::answer(const QString &path, const QString &rest,
                                                           const QByteArray &rawQuery) const
{
    // /Messages/{MessageSid}/Media.json, /Media/{Sid}.json, /Media/{Sid}
    const QStringList parts = rest.split(u'/');
    if (parts.size() < 4 || parts[1] != u"Messages"_s || !parts[3].startsWith(u"Media"_s))
        return std::nullopt;
    const QList<QJsonObject> items = m_byMessage.value(parts[2]);
    const auto json = [](const QJsonObject &object) {
        return ScriptedResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Compact));
    };
    if (parts.size() == 4 && parts[3] == u"Media.json"_s) {
        const QUrlQuery query(QString::fromLatin1(rawQuery));
        const int pageSize = std::max(1, query.queryItemValue(u"PageSize"_s).toInt());
        const int page = query.queryItemValue(u"Page"_s).toInt();
        QJsonArray list;
        for (qsizetype i = qsizetype(page) * pageSize;
             i < items.size() && i < qsizetype(page + 1) * pageSize; ++i)
            list.append(items[i]);
        const bool more = qsizetype(page + 1) * pageSize < items.size();
        QJsonObject envelope = m_listExample;
        const QString uri = path + u"?PageSize=%1&Page=%2"_s.arg(pageSize);
        envelope.insert("media_list"_L1, list);
        envelope.insert("page"_L1, page);
        envelope.insert("page_size"_L1, pageSize);
        envelope.insert("start"_L1, page * pageSize);
        envelope.insert("end"_L1, page * pageSize + std::max<qsizetype>(list.size(), 1) - 1);
        envelope.insert("uri"_L1, uri.arg(page));
        envelope.insert("first_page_uri"_L1, uri.arg(0));
        envelope.insert("next_page_uri"_L1,
                        more ? QJsonValue(uri.arg(page + 1) + u"&PageToken=PA%1"_s.arg(page + 1))
                             : QJsonValue(QJsonValue::Null));
        envelope.insert("previous_page_uri"_L1,
                        page > 0 ? QJsonValue(uri.arg(page - 1)) : QJsonValue(QJsonValue::Null));
        return json(envelope);
    }
    if (parts.size() != 5 || parts[3] != u"Media"_s)
        return std::nullopt;
    const bool instance = parts[4].endsWith(u".json"_s);
    const QString sid = instance ? parts[4].chopped(5) : parts[4];
    for (const QJsonObject &item : items) {
        if (item.value("sid"_L1).toString() != sid)
            continue;
        if (instance)
            return json(item);
        // Twilio answers the content URL with a redirect to where the media is stored.
        ScriptedResponse redirect = ScriptedResponse::json(307, {});
        redirect.headers.append({"Location", "/media-store/" + sid.toLatin1()});
        return redirect;
    }
    return std::nullopt;
}

std::optional<ScriptedResponse> TwilioFixtureMedia::stored(const QString &path) const
{
    const QString prefix = u"/media-store/"_s;
    if (!path.startsWith(prefix) || !m_bytes.contains(path.mid(prefix.size())))
        return std::nullopt;
    ScriptedResponse response = ScriptedResponse::json(200, m_bytes.value(path.mid(prefix.size())));
    return response;
}
