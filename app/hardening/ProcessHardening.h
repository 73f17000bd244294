// A process that holds an Auth Token in memory refuses to be dumped, as password managers
// do (KeePassXC's Bootstrap::disableCoreDumps): no core file on a crash, and no other process
// of the same user may ptrace it or read its memory through /proc.
#pragma once

class ProcessHardening
{
public:
    // prctl(PR_SET_DUMPABLE, 0) and a core size limit of 0. True when both held.
    static bool disableCoreDumps();
    // What the kernel says now: false when the process may be dumped or its core written.
    static bool coreDumpsDisabled();
    // True in ASan builds, where the process stays dumpable (LeakSanitizer must ptrace it).
    static bool keepsDumpableForSanitizers();
};
