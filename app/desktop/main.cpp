// smsdesk: parses options, opens the profile and shows the main window.
#include "MainWindow.h"

#include <QApplication>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"smsdesk"_s);
    QApplication::setOrganizationName(u"SMS Desk"_s);
    MainWindow window;
    window.show();
    return QApplication::exec();
}
