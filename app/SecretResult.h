// The outcome of a SecretStore read, write or remove.
#pragma once

#include "SecretError.h"

#include <QString>

#include <functional>
#include <optional>

struct SecretResult
{
    std::optional<SecretError> error; // empty on success
    QString secret;                   // reads only
    // True when the operation used the session-only memory instead of the keychain: the
    // secret is forgotten when SMS Desk quits, and the UI should say so.
    bool sessionOnly = false;

    bool ok() const { return !error.has_value(); }
};

// Runs on the store's thread, exactly once, unless the context object was destroyed first.
using SecretCallback = std::function<void(const SecretResult &)>;
