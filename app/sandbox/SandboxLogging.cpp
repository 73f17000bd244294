#include "SandboxLogging.h"

Q_LOGGING_CATEGORY(lcSandbox, "smsdesk.sandbox", QtInfoMsg)
