// An account's provider settings: which Twilio account, and where its three APIs live.
#pragma once

#include "AccountRows.h"

#include <QString>
#include <QStringList>
#include <QUrl>

struct AccountConfig
{
    static QUrl defaultApiBaseUrl();    // https://api.twilio.com
    static QUrl defaultLookupBaseUrl(); // https://lookups.twilio.com
    static QUrl defaultSyncBaseUrl();   // https://sync.twilio.com

    // The three APIs of one typed base URL (TwilioUrl::hostsFor): Twilio's API host, global
    // or regional, gets its Lookup and Sync siblings; the sandbox's loopback URL (or a proxy)
    // serves all three.
    static AccountConfig forSingleBaseUrl(const QString &displayName, const QString &accountSid,
                                          const QUrl &baseUrl);

    // Each returns an empty string when the value is valid, otherwise one sentence saying
    // what is wrong and what is expected.
    static QString accountSidError(const QString &accountSid);
    static QString baseUrlError(const QUrl &url, const QString &label);
    // 127.0.0.0/8, ::1 (also IPv4-mapped) and "localhost": the only hosts allowed over http.
    static bool isLoopbackHost(const QString &host);

    // The stored row: '' endpoints are the public defaults, and defaults are stored as ''.
    static AccountConfig fromRow(const AccountRows::Row &row);
    AccountRows::Row toRow(qint64 accountId) const;

    // Every problem of this configuration; empty when it can be used.
    QStringList validationErrors() const;
    bool isValid() const { return validationErrors().isEmpty(); }

    QString displayName;
    QString accountSid;
    QUrl apiBaseUrl = defaultApiBaseUrl();
    QUrl lookupBaseUrl = defaultLookupBaseUrl();
    QUrl syncBaseUrl = defaultSyncBaseUrl();
};
