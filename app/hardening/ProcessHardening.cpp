#include "ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>

namespace {
// LeakSanitizer stops the world by ptrace-attaching to the process's threads, which a
// non-dumpable process refuses to anyone without CAP_SYS_PTRACE: the sanitizer builds keep
// the dumpable flag (and still write no core).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool KeepDumpable = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool KeepDumpable = true;
#else
constexpr bool KeepDumpable = false;
#endif
#else
constexpr bool KeepDumpable = false;
#endif
} // namespace

bool ProcessHardening::keepsDumpableForSanitizers()
{
    return KeepDumpable;
}

bool ProcessHardening::disableCoreDumps()
{
    const rlimit none{0, 0};
    const bool noCore = setrlimit(RLIMIT_CORE, &none) == 0;
    const bool undumpable = KeepDumpable || prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return noCore && undumpable;
}

bool ProcessHardening::coreDumpsDisabled()
{
    rlimit limit{};
    const bool undumpable = KeepDumpable || prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
    return undumpable && getrlimit(RLIMIT_CORE, &limit) == 0 && limit.rlim_cur == 0;
}
