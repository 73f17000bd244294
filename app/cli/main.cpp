// smsdesk-cli: registers the subcommands and hands the arguments over to them.
#include "BenchCommand.h"
#include "CampaignCommand.h"
#include "CliApplication.h"
#include "ConsentCommand.h"
#include "ImportCommand.h"
#include "KeywordsCommand.h"
#include "NormalizeCommand.h"
#include "ProcessHardening.h"
#include "SecretLogFilter.h"
#include "SegmentsCommand.h"
#include "SendCommand.h"
#include "ServeCommand.h"
#include "SyncCommand.h"
#include "TeamCommand.h"
#include "ThreadCommand.h"
#include "ThreadsCommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    ProcessHardening::disableCoreDumps();
    SecretLogFilter::install();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"smsdesk-cli"_s);
    if (const QString error = CliApplication::invalidUtf8Argument(argc, argv); !error.isEmpty()) {
        std::fprintf(stderr, "smsdesk-cli: %s\n", qPrintable(error));
        return CliCommand::ExitBadInput;
    }

    // Left closed when there is no standard input; commands then read nothing from it.
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    QTextStream out(stdout);
    QTextStream err(stderr);

    CliApplication cli(CliIo{in, out, err});
    cli.addCommand(std::make_unique<SegmentsCommand>());
    cli.addCommand(std::make_unique<NormalizeCommand>());
    cli.addCommand(std::make_unique<SyncCommand>());
    cli.addCommand(std::make_unique<ThreadsCommand>());
    cli.addCommand(std::make_unique<SendCommand>());
    cli.addCommand(std::make_unique<BenchCommand>());
    cli.addCommand(std::make_unique<ConsentCommand>());
    cli.addCommand(std::make_unique<ImportCommand>());
    cli.addCommand(std::make_unique<CampaignCommand>());
    cli.addCommand(std::make_unique<TeamCommand>());
    cli.addCommand(std::make_unique<ThreadCommand>());
    cli.addCommand(std::make_unique<KeywordsCommand>());
    cli.addCommand(std::make_unique<ServeCommand>());
    return cli.run(QCoreApplication::arguments().mid(1));
}
