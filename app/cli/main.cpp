// smsdesk-cli: parses the subcommand and hands over to it.
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"smsdesk-cli"_s);
    QTextStream(stderr) << "usage: smsdesk-cli <command> [options]\n";
    return 64;
}
