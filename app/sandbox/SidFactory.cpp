#include "SidFactory.h"

namespace sandbox {

SidFactory::SidFactory(quint64 seed)
    : m_random(seed)
{}

Sid128 SidFactory::next128()
{
    Sid128 sid;
    do {
        sid.hi = m_random.generate64();
        sid.lo = m_random.generate64();
    } while (sid.isNull());
    return sid;
}

} // namespace sandbox
