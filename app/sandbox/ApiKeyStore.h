// The account's API keys (SK...). A key's secret is shown once, in the create answer; the
// store keeps only a salted SHA-256 of it, so neither the state file nor a log can leak it.
#pragma once

#include <QByteArray>
#include <QDataStream>
#include <QString>

#include <vector>

namespace sandbox {

struct SandboxApiKey
{
    QString sid; // SK...
    QString friendlyName;
    QByteArray secretHash; // SHA-256 of sid + ':' + secret
    qint64 dateCreated = 0;
    qint64 dateUpdated = 0;
};

class ApiKeyStore
{
public:
    // Stores a new key; `secret` is hashed and not kept.
    const SandboxApiKey &add(const QString &sid, const QString &friendlyName, const QString &secret,
                             qint64 nowMs);
    SandboxApiKey *find(const QString &sid);
    bool remove(const QString &sid);
    // True for an existing key with that secret.
    bool verify(const QString &sid, const QString &secret) const;
    const std::vector<SandboxApiKey> &keys() const { return m_keys; } // in creation order

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    static QByteArray hash(const QString &sid, const QString &secret);
    std::vector<SandboxApiKey> m_keys;
};

} // namespace sandbox
