// smsdesk: parses options, opens the profile and shows the main window.
#include "MainWindow.h"
#include "Theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"smsdesk"_s);
    QApplication::setApplicationDisplayName(u"SMS Desk"_s);
    QApplication::setApplicationVersion(QStringLiteral(SMSDESK_VERSION));
    QApplication::setOrganizationName(u"SMS Desk"_s);
    QApplication::setOrganizationDomain(u"smsdesk.io"_s);
    // Wayland's app id and the installed .desktop file's name (io.smsdesk.SmsDesk.desktop).
    QGuiApplication::setDesktopFileName(u"io.smsdesk.SmsDesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/smsdesk.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"SMS Desk, a shared inbox for business SMS."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        u"demo"_s, u"Start the in-process sandbox provider with demo data (coming soon)."_s);
    const QCommandLineOption profileOption(
        u"profile"_s, u"Open the desktop profile (local database) at PATH."_s, u"PATH"_s);
    // Writes a PNG of the main window once it is shown, then quits (for the docs).
    QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a PNG of the window."_s, u"PATH"_s);
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demoOption, profileOption, screenshotOption});
    parser.process(app);

    // Wired by the profile and sandbox issues.
    [[maybe_unused]] const bool demo = parser.isSet(demoOption);
    [[maybe_unused]] const QString profilePath = parser.value(profileOption);

    Theme::apply(app);
    MainWindow window;
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        QTimer::singleShot(0, &window, [&window, path] {
            if (!window.grab().save(path, "PNG")) {
                QTextStream(stderr) << "smsdesk: cannot write the screenshot to " << path << '\n';
                QApplication::exit(1);
                return;
            }
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
