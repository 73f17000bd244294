// The app's stylesheet (resources/style/smsdesk.qss), applied once to the whole application.
#pragma once

#include <QString>

class QApplication;

namespace Theme {

QString styleSheet();
void apply(QApplication &app);

} // namespace Theme
