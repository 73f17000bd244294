// Downloads media content with the account's credentials. Twilio's content URL answers the
// bytes, or redirects to a storage host: a redirect is followed, but the credentials go only
// to the API's own host (scheme, host and port), never to another.
#pragma once

#include "MediaContent.h"
#include "ProviderResult.h"

#include <QByteArray>
#include <QObject>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

class MediaDownloader : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRedirects = 5;

    // `authorization` is the whole Authorization header value ("Basic …"); never logged.
    MediaDownloader(QNetworkAccessManager *network, QByteArray authorization,
                    QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // Content larger than maxBytes is not kept: the answer is a MediaContent with tooLarge.
    void download(const QUrl &url, qint64 maxBytes, QObject *context,
                  ProviderCallback<MediaContent> done);

private:
    void get(const QUrl &url, const QUrl &origin, qint64 maxBytes, int hops, QObject *context,
             ProviderCallback<MediaContent> done);

    QNetworkAccessManager *m_network;
    QByteArray m_authorization;
    std::chrono::milliseconds m_timeout{30000};
};
