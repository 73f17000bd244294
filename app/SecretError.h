// What went wrong with a keychain operation, in words a settings dialog can show.
#pragma once

#include <QString>

struct SecretError
{
    enum class Kind
    {
        NotFound,     // nothing stored under the key
        NoKeychain,   // no Secret Service / keychain reachable (or it is locked or unusable)
        AccessDenied, // the keychain refused, or the user declined a prompt
        Failed,       // anything else, including bad input
    };

    Kind kind = Kind::Failed;
    QString message;
};
