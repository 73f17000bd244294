// Logging category of the sandbox provider.
#pragma once

#include <QLoggingCategory>

namespace sandbox {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)

} // namespace sandbox
