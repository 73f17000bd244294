// smsdesk-cli keywords: an admin's keyword processes (add, start, pause, list), made through
// the command services and, when the profile has joined its account's team, shared through
// the team log like `thread`.
#pragma once

#include "CliCommand.h"

class CliTeamSession;

class KeywordsCommand : public CliCommand
{
public:
    QString name() const override;
    QString summary() const override;

    // Applied here but the team log could not be reached (the next sync shares it).
    static constexpr int ExitNotShared = 75;

protected:
    void configure(QCommandLineParser &parser) const override;
    int run(const QCommandLineParser &parser, CliIo &io) override;

private:
    int add(const QCommandLineParser &parser, CliIo &io, CliTeamSession &session);
    int changeState(const QString &action, const QString &process, CliIo &io,
                    CliTeamSession &session);
    int list(const QCommandLineParser &parser, CliIo &io, CliTeamSession &session);
    // Shares what was just recorded when in a team: ExitOk, or ExitNotShared with a message.
    int share(CliIo &io, CliTeamSession &session, const QString &what);
    bool inTeam(CliTeamSession &session, QString *agent);
};
