#include "CliApplication.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

CliApplication::CliApplication(CliIo io)
    : m_io(io)
{}

void CliApplication::addCommand(std::unique_ptr<CliCommand> command)
{
    m_commands.push_back(std::move(command));
}

QString CliApplication::invalidUtf8Argument(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString decoded = decoder(QByteArrayView(argv[i]));
        if (decoder.hasError()) {
            const qsizetype bad = decoded.indexOf(QChar::ReplacementCharacter);
            return u"argument %1 is not valid UTF-8 (at character %2); pass the text in UTF-8"_s
                .arg(i)
                .arg(bad + 1);
        }
    }
    return {};
}

int CliApplication::run(const QStringList &arguments)
{
    if (arguments.isEmpty()) {
        m_io.err << "smsdesk-cli: no command given\n";
        printUsage(m_io.err);
        return CliCommand::ExitUsage;
    }
    const QString first = arguments.constFirst();
    if (first == u"help"_s || first == u"--help"_s || first == u"-h"_s) {
        if (first == u"help"_s && arguments.size() > 1) {
            if (CliCommand *command = find(arguments.at(1))) {
                return command->execute({u"--help"_s}, m_io);
            }
            m_io.err << "smsdesk-cli: unknown command '" << arguments.at(1) << "'\n";
            printUsage(m_io.err);
            return CliCommand::ExitUsage;
        }
        printUsage(m_io.out);
        return CliCommand::ExitOk;
    }
    if (CliCommand *command = find(first)) {
        return command->execute(arguments.mid(1), m_io);
    }
    m_io.err << "smsdesk-cli: unknown command '" << first << "'\n";
    printUsage(m_io.err);
    return CliCommand::ExitUsage;
}

CliCommand *CliApplication::find(const QString &name) const
{
    for (const auto &command : m_commands) {
        if (command->name() == name) {
            return command.get();
        }
    }
    return nullptr;
}

void CliApplication::printUsage(QTextStream &stream) const
{
    stream << "Usage: smsdesk-cli <command> [options]\n\nCommands:\n";
    qsizetype width = 0;
    for (const auto &command : m_commands) {
        width = std::max(width, command->name().size());
    }
    for (const auto &command : m_commands) {
        stream << "  " << command->name().leftJustified(width + 2) << command->summary() << '\n';
    }
    stream << "\nRun 'smsdesk-cli <command> --help' for a command's options.\n";
    stream.flush();
}
