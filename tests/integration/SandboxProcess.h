// The standalone smsdesk-sandbox executable for one test. Tests that link app code use it
// rather than the in-process server: the sandbox library's class names (MessageStore,
// SyncService) clash with the app's, so the two cannot share an executable.
#pragma once

#include "SandboxClient.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <csignal>
#include <memory>

struct SandboxProcess
{
    QProcess process;
    QUrl url;
    QString sid;
    QString token;
    std::unique_ptr<SandboxClient> client;

    ~SandboxProcess() { stop(); }

    // Port 0 picks a free one. Speed 100 and no customer replies; seeded credentials, so a
    // restart on the same seed has the same ones.
    bool start(quint16 port = 0, const QStringList &extra = {})
    {
        process.start(QStringLiteral(SANDBOX_EXECUTABLE),
                      QStringList{QStringLiteral("--port"), QString::number(port),
                                  QStringLiteral("--speed"), QStringLiteral("100"),
                                  QStringLiteral("--reply-rate"), QStringLiteral("0"),
                                  QStringLiteral("--seed"), QStringLiteral("42")} +
                          extra);
        if (!process.waitForStarted(10000))
            return false;
        QStringList lines;
        while (lines.size() < 3) {
            if (!process.canReadLine() && !process.waitForReadyRead(10000))
                return false;
            while (process.canReadLine())
                lines.append(QString::fromUtf8(process.readLine()).trimmed());
        }
        const auto u =
            QRegularExpression(QStringLiteral("\\Alistening on (\\S+)\\z")).match(lines[0]);
        const auto s =
            QRegularExpression(QStringLiteral("\\AAccount SID: (\\S+)\\z")).match(lines[1]);
        const auto t =
            QRegularExpression(QStringLiteral("\\AAuth Token: (\\S+)\\z")).match(lines[2]);
        if (!u.hasMatch() || !s.hasMatch() || !t.hasMatch())
            return false;
        url = QUrl(u.captured(1));
        sid = s.captured(1);
        token = t.captured(1);
        client = std::make_unique<SandboxClient>(url, sid, token);
        return true;
    }

    quint16 port() const { return quint16(url.port()); }

    void stop()
    {
        client.reset();
        if (process.state() != QProcess::NotRunning) {
            ::kill(pid_t(process.processId()), SIGTERM);
            process.waitForFinished(15000);
        }
    }

    bool setFaults(const SandboxClient::Form &form)
    {
        SandboxClient::Form all{{QStringLiteral("Reset"), QStringLiteral("true")}};
        all += form;
        return client->setFaults(all).status == 200;
    }

    // The provider's messages to `to`, newest first.
    QJsonArray messagesTo(const QString &to)
    {
        return client
            ->get(client->account(QStringLiteral("/Messages.json") +
                                  SandboxClient::query({{QStringLiteral("To"), to}})))
            .json.value(QStringLiteral("messages"))
            .toArray();
    }

    QString messageStatus(const QString &messageSid)
    {
        return client
            ->get(client->account(QStringLiteral("/Messages/") + messageSid +
                                  QStringLiteral(".json")))
            .json.value(QStringLiteral("status"))
            .toString();
    }
};
