#include "SandboxState.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {
constexpr quint32 kMagic = 0x534D5342; // "SMSB"
// 2: Sync services, Lists, item TTLs, API keys. 3: the Auth Token lives in its own file.
// 4: Messaging Services and the messages sent through them.
constexpr quint32 kVersion = 4;
constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Written like the state (atomically), readable by its owner only from its first byte.
QString writeOwnerOnly(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(OwnerOnly) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return u"cannot write %1: %2"_s.arg(path, file.errorString());
    return {};
}
} // namespace

QString SandboxState::credentialsPath(const QString &statePath)
{
    return statePath + u".credentials"_s;
}

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
    // The token is kept apart from the data, so a state file shared to reproduce a bug, or
    // read by another user of the machine, does not hand out the account.
    if (const QString error = writeOwnerOnly(credentialsPath(path), authToken.toUtf8());
        !error.isEmpty())
        return error;
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kVersion << accountSid;
    numbers.save(out);
    out << m_optOuts;
    sync.save(out);
    messages.save(out);
    syncServices.save(out);
    syncLists.save(out);
    apiKeys.save(out);
    messagingServices.save(out);
    if (out.status() != QDataStream::Ok)
        return u"cannot write state file %1: the data does not serialise"_s.arg(path);
    if (const QString error = writeOwnerOnly(path, bytes); !error.isEmpty())
        return u"cannot write state file: "_s + error;
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
    if (version >= 3) {
        in >> accountSid;
        QFile credentials(credentialsPath(path));
        if (!credentials.open(QIODevice::ReadOnly))
            return u"cannot read the credentials of state file %1: %2"_s.arg(
                path, credentials.errorString());
        authToken = QString::fromUtf8(credentials.readAll()).trimmed();
    } else {
        in >> accountSid >> authToken; // moved to its own file by the next save
    }
    if (!numbers.load(in))
        return u"state file %1 is damaged (numbers)"_s.arg(path);
    in >> m_optOuts;
    if (!sync.load(in, version >= 2))
        return u"state file %1 is damaged (sync)"_s.arg(path);
    if (!messages.load(in))
        return u"state file %1 is damaged (messages)"_s.arg(path);
    if (version >= 2 && (!syncServices.load(in) || !syncLists.load(in) || !apiKeys.load(in)))
        return u"state file %1 is damaged (sync lists, services or keys)"_s.arg(path);
    if (version >= 4 && !messagingServices.load(in))
        return u"state file %1 is damaged (messaging services)"_s.arg(path);
    return {};
}

} // namespace sandbox
