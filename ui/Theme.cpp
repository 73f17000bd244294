#include "Theme.h"

#include "UiLogging.h"

#include <QApplication>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Theme {

QString styleSheet()
{
    QFile file(u":/style/smsdesk.qss"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qCWarning(lcUi) << "cannot open the stylesheet:" << file.errorString();
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

void apply(QApplication &app)
{
    app.setStyleSheet(styleSheet());
}

} // namespace Theme
