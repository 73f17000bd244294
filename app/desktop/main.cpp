// smsdesk: parses options, opens the profile and shows the main window.
#include "DeskSession.h"
#include "DesktopShell.h"
#include "MainWindow.h"
#include "SandboxDemoProvider.h"
#include "StoreWriter.h"
#include "TeamWorkspace.h"
#include "Theme.h"
#include "Translations.h"

#include "ProcessHardening.h"
#include "SecretLogFilter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    ProcessHardening::disableCoreDumps();
    SecretLogFilter::install();
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"smsdesk"_s);
    QApplication::setApplicationDisplayName(u"SMS Desk"_s);
    QApplication::setApplicationVersion(QStringLiteral(SMSDESK_VERSION));
    QApplication::setOrganizationName(u"SMS Desk"_s);
    QApplication::setOrganizationDomain(u"smsdesk.io"_s);
    // Wayland's app id and the installed .desktop file's name (io.smsdesk.SmsDesk.desktop).
    QGuiApplication::setDesktopFileName(u"io.smsdesk.SmsDesk"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/smsdesk.svg"_s));
    // The system's language (LANGUAGE, LC_MESSAGES, LANG) before any text is made.
    Translations::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "SMS Desk, a shared inbox for business SMS."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        u"demo"_s,
        QCoreApplication::translate(
            "main",
            "Start the in-process sandbox provider with a demo account and live customers."));
    const QCommandLineOption profileOption(
        u"profile"_s,
        QCoreApplication::translate("main", "Open the desktop profile (local database) at PATH."),
        QCoreApplication::translate("main", "PATH"));
    // Writes a PNG of the main window once it is shown, then quits (for the docs).
    QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a PNG of the window."_s, u"PATH"_s);
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demoOption, profileOption, screenshotOption});
    parser.process(app);

    Theme::apply(app);

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    DeskSession session;
    session.setDemoProviderFactory(SandboxDemoProvider::desktopFactory());
    const bool opened =
        parser.isSet(demoOption)
            ? session.startDemo(QDir(dataDir).filePath(u"demo"_s))
            : session.openProfile(parser.isSet(profileOption)
                                      ? parser.value(profileOption)
                                      : QDir(dataDir).filePath(u"profile.sqlite"_s));
    if (!opened) {
        QMessageBox::critical(nullptr, u"SMS Desk"_s, session.errorString());
        return 1;
    }

    // From here on a frame never waits for the writer (a sync page may be storing): a blocking
    // call from this thread aborts with a message instead of freezing the window.
    StoreWriter::forbidWaitingFrom(app.thread());

    // Until this desktop joins its account's team it acts as "this desktop": never a name taken
    // from the computer's login ($USER), which is neither chosen nor shown to teammates.
    DesktopShell shell(&session, QCoreApplication::translate("main", "this desktop"));
    if (!shell.start()) {
        QMessageBox::critical(nullptr, u"SMS Desk"_s, shell.errorString());
        return 1;
    }
    MainWindow &window = *shell.window();
    window.show();
    // A person working an account for the first time on this desktop is asked who they are in
    // its team (not in the demo or for a screenshot: nobody is there to answer).
    if (!parser.isSet(demoOption) && !parser.isSet(screenshotOption))
        shell.team()->setOfferToJoin(true);
    if (!parser.isSet(demoOption) && !parser.isSet(screenshotOption) &&
        shell.accounts().isEmpty()) {
        // A new profile: the first thing to do is connect an account.
        QTimer::singleShot(0, &shell, [&shell] { shell.showAccountSetup(); });
    }

    if (parser.isSet(screenshotOption)) {
        const QString path = parser.value(screenshotOption);
        // In the demo, wait for the first sync so the picture shows a real inbox.
        const int delayMs = session.syncEngine() ? 9000 : 0;
        QTimer::singleShot(delayMs, &window, [&window, &shell, path] {
            // Open the newest conversation so the picture shows a thread, not an empty pane.
            if (shell.threads()->rowCount() > 0)
                shell.openThread(shell.threads()->threadIdAt(0));
            QTimer::singleShot(800, &window, [&window, path] {
                if (!window.grab().save(path, "PNG")) {
                    QTextStream(stderr)
                        << "smsdesk: cannot write the screenshot to " << path << '\n';
                    QApplication::exit(1);
                    return;
                }
                QApplication::quit();
            });
        });
    }
    return QApplication::exec();
}
