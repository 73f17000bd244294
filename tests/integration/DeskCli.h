// A desktop of a team as the multi-process tests drive it: smsdesk-cli run in a process of its
// own on one profile, against the test's sandbox process, and the profile read back with SQL
// the way a reviewer would check it (the app never reads another process's profile).
#pragma once

#include "SandboxProcess.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>
#include <QVariant>

#include <csignal>

struct CliRun
{
    int exitCode = -1; // -1: did not finish in time
    QString out;
    QString err;
};

namespace DeskCli {

// The CLI with the sandbox's token in its environment, plus `extraEnv`.
inline CliRun run(const SandboxProcess &sandbox, const QStringList &arguments,
                  const QProcessEnvironment &extraEnv = {}, int timeoutMs = 120000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SMSDESK_AUTH_TOKEN"), sandbox.token);
    const QStringList extraKeys = extraEnv.keys();
    for (const QString &key : extraKeys)
        env.insert(key, extraEnv.value(key));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(SMSDESK_CLI_PATH), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The options that name a profile and its account; `url` overrides the sandbox's (a closed
// port makes a desktop offline).
inline QStringList account(const SandboxProcess &sandbox, const QString &profile,
                           const QString &url = {})
{
    return {QStringLiteral("--profile"),     profile,
            QStringLiteral("--account-url"), url.isEmpty() ? sandbox.url.toString() : url,
            QStringLiteral("--account-sid"), sandbox.sid};
}

// One value from a profile, on a connection opened and closed for it.
inline QVariant read(const QString &profile, const QString &sql, const QVariantList &values = {})
{
    const QString name = QStringLiteral("desk-cli-read");
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(profile);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.prepare(sql)) {
                for (const QVariant &v : values)
                    query.addBindValue(v);
                if (query.exec() && query.next())
                    value = query.value(0);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// A file's whole text; empty when it does not exist yet.
inline QString readLog(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// `smsdesk-cli serve --verbose` on a profile, its output appended to `logPath`. Ready once it
// knows it is in a team: its keyword replies go through the claims from then on.
inline bool startServe(QProcess &process, const SandboxProcess &sandbox, const QStringList &account,
                       const QString &logPath, const QProcessEnvironment &extraEnv = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SMSDESK_AUTH_TOKEN"), sandbox.token);
    const QStringList extraKeys = extraEnv.keys();
    for (const QString &key : extraKeys)
        env.insert(key, extraEnv.value(key));
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(logPath, QIODevice::Append);
    process.setStandardErrorFile(logPath, QIODevice::Append);
    const qsizetype before = readLog(logPath).size();
    process.start(QStringLiteral(SMSDESK_CLI_PATH),
                  QStringList{QStringLiteral("serve"), QStringLiteral("--verbose")} + account);
    if (!process.waitForStarted(10000))
        return false;
    return QTest::qWaitFor(
        [&] {
            return readLog(logPath).mid(before).contains(
                QStringLiteral("keyword replies claimed on Sync"));
        },
        60000);
}

// Sends `signal` to a running process and waits for it to end.
inline void signalProcess(QProcess &process, int signal)
{
    if (process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(process.processId()), signal);
    process.waitForFinished(60000);
}

} // namespace DeskCli
