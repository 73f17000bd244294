// The provider behind `--demo`, as the product sees it: where it listens and with which
// credentials. The implementation embeds the sandbox and lives outside the product
// libraries (app/demo), so smsdesk_app never links the sandbox; executables hand
// DeskSession a factory for it.
#pragma once

#include "DemoNumberSeeding.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class DemoProvider
{
public:
    // Makes the demo's provider with its state kept in `directory`.
    using Factory = std::function<std::unique_ptr<DemoProvider>(const QString &directory)>;

    virtual ~DemoProvider() = default;

    // Starts listening on a loopback port (seeding a history the first time). False with
    // errorString() when it cannot.
    virtual bool start() = 0;
    virtual QString errorString() const = 0;

    virtual QUrl baseUrl() const = 0;
    virtual QString accountSid() const = 0;
    virtual QString authToken() const = 0;

    // The provider's shared short codes with their keyword: Twilio's API never says a code is
    // shared, so the demo marks them as an admin would (DemoNumberSeeding).
    virtual QList<DemoNumberSeeding::SharedCode> sharedShortCodes() const = 0;

protected:
    DemoProvider() = default;
    DemoProvider(const DemoProvider &) = delete;
    DemoProvider &operator=(const DemoProvider &) = delete;
};
