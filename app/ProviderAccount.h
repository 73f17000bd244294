// The account resource of the 2010 API, as fetched by ProviderClient::testConnection().
#pragma once

#include <QString>

struct ProviderAccount
{
    QString sid;
    QString friendlyName;
    QString status; // active, suspended, closed
    QString type;   // Trial, Full
};
