// A key just created (schema api.v2010.account.new_key): the only time the provider shows its
// secret. Store the secret in the keychain at once; never log it.
#pragma once

#include "ApiKey.h"

#include <QString>

struct NewApiKey
{
    ApiKey key;
    QString secret;
};
