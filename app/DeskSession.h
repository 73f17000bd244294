// One desktop's working set: the profile's writer, the provider client and the sync engine
// of the open account; in demo mode also the in-process sandbox provider behind them.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class LookupQueue;
class QNetworkAccessManager;
class SandboxServer;
class SenderNumberSync;
class StoreWriter;
class SyncEngine;
class TwilioClient;

class DeskSession : public QObject
{
    Q_OBJECT

public:
    explicit DeskSession(QObject *parent = nullptr);
    ~DeskSession() override;

    // Opens (creating and migrating when needed) the profile database at `path`.
    bool openProfile(const QString &path);

    // Starts the sandbox in-process on a loopback port with its state kept in `directory`,
    // opens the demo profile there, creates or reuses the "Demo" account and starts syncing,
    // so a newcomer sees a live inbox within seconds.
    bool startDemo(const QString &directory);

    QString errorString() const { return m_error; }
    QString profilePath() const;
    StoreWriter *writer() const { return m_writer.get(); }
    SyncEngine *syncEngine() const { return m_sync.get(); }
    LookupQueue *lookupQueue() const { return m_lookups.get(); }
    qint64 accountId() const { return m_accountId; }
    QString accountName() const { return m_accountName; }

Q_SIGNALS:
    // One line for the status bar: sync progress, errors, the sandbox's address.
    void statusMessage(const QString &text);

private:
    bool fail(const QString &message);
    void connectToProvider(const QString &baseUrl, const QString &accountSid,
                           const QString &authToken);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<SenderNumberSync> m_numbers;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<LookupQueue> m_lookups;
    qint64 m_accountId = 0;
    QString m_accountName;
    QString m_error;
};
