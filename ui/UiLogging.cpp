#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "smsdesk.ui", QtInfoMsg)
