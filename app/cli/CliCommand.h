// Base of one smsdesk-cli subcommand: option parsing, --help and the exit code conventions.
#pragma once

#include "CliIo.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

class CliCommand
{
public:
    // Exit codes shared by every command (64 is EX_USAGE from sysexits.h).
    enum ExitCode : int
    {
        ExitOk = 0,
        ExitFailure = 1,  // the command could not do its work (I/O, provider...)
        ExitBadInput = 2, // the input was read but is not acceptable (e.g. not a number)
        ExitUsage = 64,   // wrong options or arguments
    };

    virtual ~CliCommand() = default;

    // The word after smsdesk-cli, e.g. "segments".
    virtual QString name() const = 0;
    // One line for the list of commands.
    virtual QString summary() const = 0;

    // Parses the arguments that follow the command name, answers --help, reports usage
    // errors (exit 64) and otherwise runs the command.
    int execute(const QStringList &arguments, CliIo &io);

protected:
    // Adds the command's description, options and positional arguments.
    virtual void configure(QCommandLineParser &parser) const = 0;
    virtual int run(const QCommandLineParser &parser, CliIo &io) = 0;

    // Prints "smsdesk-cli <name>: <message>" and a pointer to --help; returns ExitUsage.
    int usageError(CliIo &io, const QString &message) const;
    // Prints "smsdesk-cli <name>: <message>" on stderr and returns the given code.
    int fail(CliIo &io, int exitCode, const QString &message) const;

private:
    QString helpText(const QCommandLineParser &parser) const;
};
