#include "SandboxLogging.h"

namespace sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "smsdesk.sandbox", QtInfoMsg)

} // namespace sandbox
