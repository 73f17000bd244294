#include "ApiKeyStore.h"

#include <QCryptographicHash>

#include <algorithm>

namespace sandbox {

QByteArray ApiKeyStore::hash(const QString &sid, const QString &secret)
{
    return QCryptographicHash::hash((sid + u':' + secret).toUtf8(), QCryptographicHash::Sha256);
}

const SandboxApiKey &ApiKeyStore::add(const QString &sid, const QString &friendlyName,
                                      const QString &secret, qint64 nowMs)
{
    m_keys.push_back(SandboxApiKey{sid, friendlyName, hash(sid, secret), nowMs, nowMs});
    return m_keys.back();
}

SandboxApiKey *ApiKeyStore::find(const QString &sid)
{
    const auto it = std::find_if(m_keys.begin(), m_keys.end(),
                                 [&](const SandboxApiKey &key) { return key.sid == sid; });
    return it == m_keys.end() ? nullptr : &*it;
}

bool ApiKeyStore::remove(const QString &sid)
{
    const auto it = std::find_if(m_keys.begin(), m_keys.end(),
                                 [&](const SandboxApiKey &key) { return key.sid == sid; });
    if (it == m_keys.end())
        return false;
    m_keys.erase(it);
    return true;
}

bool ApiKeyStore::verify(const QString &sid, const QString &secret) const
{
    const QByteArray expected = hash(sid, secret);
    return std::any_of(m_keys.begin(), m_keys.end(), [&](const SandboxApiKey &key) {
        return key.sid == sid && key.secretHash == expected;
    });
}

void ApiKeyStore::save(QDataStream &out) const
{
    out << quint64(m_keys.size());
    for (const SandboxApiKey &key : m_keys)
        out << key.sid << key.friendlyName << key.secretHash << key.dateCreated << key.dateUpdated;
}

bool ApiKeyStore::load(QDataStream &in)
{
    m_keys.clear();
    quint64 count = 0;
    in >> count;
    for (quint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        SandboxApiKey key;
        in >> key.sid >> key.friendlyName >> key.secretHash >> key.dateCreated >> key.dateUpdated;
        m_keys.push_back(key);
    }
    return in.status() == QDataStream::Ok;
}

} // namespace sandbox
