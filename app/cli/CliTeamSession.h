// What the team commands of smsdesk-cli share: the profile's writer, the account (named by its
// Account SID, as `send` and `sync` name it), a provider client and the team log engine, with
// one blocking log cycle (append what waits here, read and apply the rest). The CLI's main
// thread may wait; the desktop never uses this.
#pragma once

#include "StoreWriter.h"

#include <QCommandLineParser>
#include <QString>

#include <memory>

class QNetworkAccessManager;
class SyncListTransport;
class SyncSnapshotStore;
class TeamLog;
class TeamSnapshotter;
class TwilioClient;

class CliTeamSession
{
public:
    CliTeamSession();
    ~CliTeamSession();

    // Adds --profile (unless the command has it already), --account-url, --account-sid,
    // --auth-token-env.
    static void addOptions(QCommandLineParser &parser, bool withProfile = true);
    // Opens the profile and the account (created when missing) and connects; false with
    // errorString() (a usage problem when usageError()).
    bool open(const QCommandLineParser &parser);
    // One log cycle, waiting for it; false with errorString() when the log could not be read.
    bool syncOnce();

    StoreWriter &writer() { return *m_writer; }
    TeamLog &log() { return *m_log; }
    qint64 accountId() const { return m_accountId; }
    QString errorString() const { return m_error; }
    bool usageError() const { return m_usage; }

private:
    bool fail(const QString &message, bool usage = false);

    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<SyncListTransport> m_transport;
    std::unique_ptr<SyncSnapshotStore> m_snapshotStore;
    std::unique_ptr<TeamSnapshotter> m_snapshotter;
    std::unique_ptr<TeamLog> m_log;
    qint64 m_accountId = 0;
    QString m_error;
    bool m_usage = false;
};
