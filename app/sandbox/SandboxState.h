// Everything the sandbox remembers: credentials, numbers, messages, opt-outs, Sync data.
// Saved to and loaded from one file (--state) in a versioned binary format.
#pragma once

#include "NumberDirectory.h"
#include "SandboxMessageStore.h"
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
    SyncStore sync;

    // Opt-outs recorded by keyword, per (our number, customer number) pair.
    bool isOptedOut(const QString &sender, const QString &customer) const
    {
        return m_optOuts.contains(pairKey(sender, customer));
    }
    void setOptedOut(const QString &sender, const QString &customer, bool optedOut);
    QList<QPair<QString, QString>> optOuts() const;

    // Writes atomically (QSaveFile). An error message on failure, empty on success.
    QString saveTo(const QString &path) const;
    QString loadFrom(const QString &path);

private:
    static QString pairKey(const QString &sender, const QString &customer)
    {
        return sender + u'|' + customer;
    }
    QSet<QString> m_optOuts;
};

} // namespace sandbox
