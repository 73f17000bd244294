// Basic auth with an API key instead of the Auth Token: the key's SID (SK…) and secret are the
// user and password, while URLs keep the Account SID. Revocable per person.
#pragma once

#include <QString>

struct ApiKeyCredentials
{
    QString keySid; // SK…
    QString keySecret;
};
