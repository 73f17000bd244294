// Everything the sandbox remembers: credentials, numbers, messages, opt-outs, Sync data.
// Saved to and loaded from one file (--state) in a versioned binary format; the Auth Token
// in a file of its own beside it.
#pragma once

#include "ApiKeyStore.h"
#include "MediaLibrary.h"
#include "MessagingServiceDirectory.h"
#include "NumberDirectory.h"
#include "SandboxMessageStore.h"
#include "SyncListStore.h"
#include "SyncServiceDirectory.h"
#include "SyncStore.h"

#include <QSet>
#include <QString>

namespace sandbox {

class SandboxState
{
public:
    QString accountSid;
    QString authToken;
    NumberDirectory numbers;
    SandboxMessageStore messages;
    SyncStore sync;                    // the default service (unique name "default")
    SyncServiceDirectory syncServices; // services created with POST /v1/Services
    SyncListStore syncLists;           // Lists of every service
    ApiKeyStore apiKeys;
    MessagingServiceDirectory messagingServices; // messaging v1 services and their messages
    MediaLibrary media;                          // inbound MMS media; not saved with the state

    // The default or a created service, by SID or unique name; null when there is none.
    SyncStore *syncService(const QString &sidOrUniqueName);

    // Opt-outs recorded by keyword, per (our number, customer number) pair.
    bool isOptedOut(const QString &sender, const QString &customer) const
    {
        return m_optOuts.contains(pairKey(sender, customer));
    }
    void setOptedOut(const QString &sender, const QString &customer, bool optedOut);
    QList<QPair<QString, QString>> optOuts() const;

    // Writes atomically (QSaveFile), readable by the owner only: the data to `path`, the Auth
    // Token to credentialsPath(path). An error message on failure, empty on success.
    QString saveTo(const QString &path) const;
    static QString credentialsPath(const QString &statePath);
    QString loadFrom(const QString &path);

private:
    static QString pairKey(const QString &sender, const QString &customer)
    {
        return sender + u'|' + customer;
    }
    QSet<QString> m_optOuts;
};

} // namespace sandbox
