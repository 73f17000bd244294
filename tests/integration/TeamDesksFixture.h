// Several desktops of one team in one process, against one sandbox process: each desk a
// profile of its own, synced and joined with smsdesk-cli as an admin would, then opened by a
// DeskSession (its team log and presence running). The sandbox runs at real speed, so the
// presence items' time to live means what it does at Twilio.
#pragma once

#include "DeskCli.h"
#include "DeskSession.h"
#include "SandboxProcess.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>
#include <vector>

struct TeamDesksFixture
{
    static inline const QString Support = QStringLiteral("+14155550100");
    static inline const QString Customer = QStringLiteral("+14155552671");

    QTemporaryDir dir;
    SandboxProcess sandbox;
    QString error;

    QString profile(int desk) const
    {
        return dir.filePath(QStringLiteral("desk%1.sqlite").arg(desk));
    }

    QStringList account(int desk) const { return DeskCli::account(sandbox, profile(desk)); }

    // Runs smsdesk-cli with the sandbox's token; false (and `error`) unless it exits 0.
    bool cli(const QStringList &arguments)
    {
        const CliRun run = DeskCli::run(sandbox, arguments);
        if (run.exitCode != 0) {
            error = arguments.join(u' ') + QStringLiteral(": ") + run.err;
            return false;
        }
        return true;
    }

    // Starts the sandbox with a customer's message, syncs and joins one profile per name.
    bool start(const QStringList &agents)
    {
        if (!dir.isValid() || !sandbox.start(0, {QStringLiteral("--speed"), QStringLiteral("1")})) {
            error = QStringLiteral("cannot start the sandbox");
            return false;
        }
        const int injected =
            sandbox.client->inject(Customer, Support, QStringLiteral("Is my order ready?")).status;
        if (injected < 200 || injected >= 300) {
            error = QStringLiteral("inject: HTTP %1").arg(injected);
            return false;
        }
        for (int desk = 0; desk < agents.size(); ++desk) {
            if (!cli(QStringList{QStringLiteral("sync")} + account(desk)) ||
                !cli(QStringList{QStringLiteral("team"), QStringLiteral("join"),
                                 QStringLiteral("--agent"), agents.at(desk),
                                 QStringLiteral("--role"),
                                 desk == 0 ? QStringLiteral("admin") : QStringLiteral("agent")} +
                     account(desk)))
                return false;
        }
        return true;
    }

    qint64 accountId(int desk) const
    {
        const QString name = QStringLiteral("team-desks-%1").arg(desk);
        qint64 id = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(profile(desk));
            if (db.open()) {
                QSqlQuery q(QStringLiteral("SELECT id FROM accounts ORDER BY id LIMIT 1"), db);
                if (q.next())
                    id = q.value(0).toLongLong();
                // The CLI was given the API's URL only: the sandbox serves Sync and Lookups too.
                QSqlQuery urls(db);
                urls.prepare(QStringLiteral("UPDATE accounts SET api_base_url = ?, "
                                            "lookup_base_url = ?, sync_base_url = ?"));
                for (int i = 0; i < 3; ++i)
                    urls.addBindValue(sandbox.url.toString());
                if (!urls.exec())
                    qWarning() << "cannot point the account at the sandbox:" << urls.lastError();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return id;
    }

    // A DeskSession on the desk's profile, connected, its team log and presence started.
    std::unique_ptr<DeskSession> open(int desk)
    {
        auto session = std::make_unique<DeskSession>();
        if (!session->openProfile(profile(desk))) {
            error = session->errorString();
            return nullptr;
        }
        QSignalSpy started(session.get(), &DeskSession::teamLogStarted);
        session->openAccount(accountId(desk), sandbox.token);
        if (!started.wait(30000) || !session->teamLog() || !session->presence()) {
            error = QStringLiteral("the team log of desk %1 did not start").arg(desk);
            return nullptr;
        }
        return session;
    }
};
