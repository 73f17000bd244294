// An API key of the account (schema api.v2010.account.key). Listing never shows secrets.
#pragma once

#include <QDateTime>
#include <QString>

struct ApiKey
{
    QString sid; // SK…
    QString friendlyName;
    QDateTime dateCreated; // UTC
    QDateTime dateUpdated;
};
