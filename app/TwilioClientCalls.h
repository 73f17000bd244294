// The request templates of TwilioClient, shared by its two source files (TwilioClient.cpp:
// messages, numbers, lookups, map items; TwilioClientTeam.cpp: the team workspace's Sync
// services, Lists and API keys). Include only from those.
#pragma once

#include "TwilioClient.h"
#include "TwilioJson.h"
#include "TwilioUrl.h"

#include <QTimer>

#include <utility>

namespace TwilioClientLimits {
constexpr int kMaxPages = 500; // a provider that never ends a list is a bug, not a big account
} // namespace TwilioClientLimits

template<typename T>
void TwilioClient::failSoon(QObject *context, const ProviderCallback<T> &done,
                            const ProviderError &error)
{
    // Asynchronous like every other outcome, so callers need no re-entrancy guards.
    QTimer::singleShot(0, context, [done, error] { done(error); });
}

template<typename T>
void TwilioClient::call(Method method, const QUrl &url, const QByteArray &form,
                        const TwilioTransport::Headers &headers, QObject *context, Parser<T> parse,
                        ProviderCallback<T> done)
{
    if (!m_configError.isEmpty()) {
        failSoon(context, done, ProviderError::invalidRequest(m_configError));
        return;
    }
    const bool post = method == Method::Post;
    m_transport->send(method, url, form, headers, context,
                      [parse = std::move(parse), done = std::move(done),
                       post](const ProviderResult<TwilioTransport::Response> &response) {
                          if (!response.ok()) {
                              done(response.error());
                              return;
                          }
                          const int status = response.value().httpStatus;
                          const ProviderResult<QJsonObject> json =
                              TwilioJson::object(response.value().body);
                          if (!json.ok()) {
                              done(ProviderError::parse(json.error().message(), status, post));
                              return;
                          }
                          const ProviderResult<T> parsed = parse(json.value());
                          if (!parsed.ok()) {
                              done(ProviderError::parse(parsed.error().message(), status, post));
                              return;
                          }
                          done(parsed);
                      });
}

template<typename T>
void TwilioClient::collectPages(const QUrl &base, const QUrl &url, Parser<ProviderPage<T>> parse,
                                QObject *context, QList<T> collected, int pagesLeft,
                                ProviderCallback<QList<T>> done)
{
    call<ProviderPage<T>>(
        Method::Get, url, {}, {}, context, parse,
        [this, base, parse, context, collected = std::move(collected), pagesLeft,
         done](const ProviderResult<ProviderPage<T>> &page) mutable {
            if (!page.ok()) {
                done(page.error());
                return;
            }
            collected.append(page.value().items);
            if (!page.value().hasNextPage()) {
                done(collected);
                return;
            }
            const std::optional<QUrl> next = TwilioUrl::rebase(base, page.value().nextPageUri);
            if (!next || pagesLeft <= 1) {
                done(ProviderError::parse(
                    next ? QStringLiteral("The list did not end after %1 pages")
                               .arg(TwilioClientLimits::kMaxPages)
                         : QStringLiteral("Unusable next page URI: %1")
                               .arg(page.value().nextPageUri),
                    200, false));
                return;
            }
            collectPages<T>(base, *next, parse, context, std::move(collected), pagesLeft - 1, done);
        });
}
