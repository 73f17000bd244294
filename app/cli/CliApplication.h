// Dispatches smsdesk-cli's first argument to one of the registered commands.
#pragma once

#include "CliCommand.h"
#include "CliIo.h"

#include <QStringList>

#include <memory>
#include <vector>

class CliApplication
{
public:
    explicit CliApplication(CliIo io);

    void addCommand(std::unique_ptr<CliCommand> command);

    // arguments: everything after the program name. "help [command]", "--help" and "-h" list
    // the commands (exit 0); no command or an unknown one lists them on stderr (exit 64).
    int run(const QStringList &arguments);

    // Qt decodes argv with replacement characters, so a body given with --text would be
    // counted with U+FFFD in it while the same bytes on stdin are refused. The first argument
    // that is not valid UTF-8, named, or empty when all are.
    static QString invalidUtf8Argument(int argc, const char *const *argv);

private:
    CliCommand *find(const QString &name) const;
    void printUsage(QTextStream &stream) const;

    CliIo m_io;
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};
