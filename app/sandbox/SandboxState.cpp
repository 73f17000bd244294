#include "SandboxState.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {
constexpr quint32 kMagic = 0x534D5342; // "SMSB"
constexpr quint32 kVersion = 3;        // 2: Sync services, Lists, item TTLs, API keys; 3: Messaging
                                       // Services and their messages
} // namespace

void SandboxState::setOptedOut(const QString &sender, const QString &customer, bool optedOut)
{
    if (optedOut)
        m_optOuts.insert(pairKey(sender, customer));
    else
        m_optOuts.remove(pairKey(sender, customer));
}

SyncStore *SandboxState::syncService(const QString &sidOrUniqueName)
{
    if (sidOrUniqueName == sync.service.sid || sidOrUniqueName == sync.service.uniqueName)
        return &sync;
    return syncServices.find(sidOrUniqueName);
}

QList<QPair<QString, QString>> SandboxState::optOuts() const
{
    QList<QPair<QString, QString>> result;
    for (const QString &key : m_optOuts) {
        const qsizetype bar = key.indexOf(u'|');
        result.append({key.left(bar), key.mid(bar + 1)});
    }
    std::sort(result.begin(), result.end());
    return result;
}

QString SandboxState::saveTo(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write state file %1: %2"_s.arg(path, file.errorString());
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << accountSid << authToken;
    numbers.save(out);
    out << m_optOuts;
    sync.save(out);
    messages.save(out);
    syncServices.save(out);
    syncLists.save(out);
    apiKeys.save(out);
    messagingServices.save(out);
    if (out.status() != QDataStream::Ok || !file.commit())
        return u"cannot write state file %1: %2"_s.arg(path, file.errorString());
    return {};
}

QString SandboxState::loadFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot read state file %1: %2"_s.arg(path, file.errorString());
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (magic != kMagic)
        return u"%1 is not an smsdesk-sandbox state file"_s.arg(path);
    // Version 1 (before Lists and keys) still loads: a demo profile keeps its history.
    if (version > kVersion || version < 1)
        return u"%1 has state format version %2; this sandbox reads versions 1 to %3"_s.arg(path)
            .arg(version)
            .arg(kVersion);
    in >> accountSid >> authToken;
    if (!numbers.load(in))
        return u"state file %1 is damaged (numbers)"_s.arg(path);
    in >> m_optOuts;
    if (!sync.load(in, version >= 2))
        return u"state file %1 is damaged (sync)"_s.arg(path);
    if (!messages.load(in))
        return u"state file %1 is damaged (messages)"_s.arg(path);
    if (version >= 2 && (!syncServices.load(in) || !syncLists.load(in) || !apiKeys.load(in)))
        return u"state file %1 is damaged (sync lists, services or keys)"_s.arg(path);
    if (version >= 3 && !messagingServices.load(in))
        return u"state file %1 is damaged (messaging services)"_s.arg(path);
    return {};
}

} // namespace sandbox
