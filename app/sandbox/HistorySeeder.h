// Bulk history for demos and benchmarks: N messages over M threads (customer x our number),
// spread over the last D days, alternating inbound and delivered outbound, varied bodies.
#pragma once

#include <QtGlobal>

namespace sandbox {

class SandboxState;
class SidFactory;

namespace HistorySeeder {

void seed(SandboxState &state, SidFactory &sids, qint64 nowMs, qint64 messages, int threads,
          int days);

} // namespace HistorySeeder

} // namespace sandbox
