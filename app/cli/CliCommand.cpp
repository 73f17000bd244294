#include "CliCommand.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

int CliCommand::execute(const QStringList &arguments, CliIo &io)
{
    QCommandLineParser parser;
    const QCommandLineOption helpOption = parser.addHelpOption();
    configure(parser);
    // QCommandLineParser skips the first entry as the program name.
    if (!parser.parse(QStringList{name()} + arguments)) {
        return usageError(io, parser.errorText());
    }
    if (parser.isSet(helpOption)) {
        io.out << helpText(parser);
        io.out.flush();
        return ExitOk;
    }
    return run(parser, io);
}

int CliCommand::usageError(CliIo &io, const QString &message) const
{
    io.err << "smsdesk-cli " << name() << ": " << message << '\n'
           << "Try 'smsdesk-cli " << name() << " --help'.\n";
    io.err.flush();
    return ExitUsage;
}

int CliCommand::fail(CliIo &io, int exitCode, const QString &message) const
{
    io.err << "smsdesk-cli " << name() << ": " << message << '\n';
    io.err.flush();
    return exitCode;
}

QString CliCommand::helpText(const QCommandLineParser &parser) const
{
    // Qt writes "Usage: <argv[0]> [options]..."; show the command instead of the full path.
    QString text = parser.helpText();
    const QString program = QCoreApplication::instance() ? QCoreApplication::arguments().value(0)
                                                         : u"<executable_name>"_s;
    const QString qtPrefix = u"Usage: "_s + program;
    if (text.startsWith(qtPrefix)) {
        text.replace(0, qtPrefix.size(), u"Usage: smsdesk-cli "_s + name());
    }
    return text;
}
