#include "FaultInjector.h"

namespace sandbox {

FaultInjector::FaultInjector(quint64 seed)
    : m_random(quint32(seed ^ (seed >> 32) ^ 0xFA017u))
{}

FaultInjector::Fault FaultInjector::before(int inFlight)
{
    if (m_settings.maxConcurrent > 0 && inFlight >= m_settings.maxConcurrent)
        return Fault::TooManyRequests;
    if (m_settings.rate500 > 0.0 || m_settings.rate503 > 0.0) {
        const double roll = m_random.generateDouble();
        if (roll < m_settings.rate500)
            return Fault::ServerError;
        if (roll < m_settings.rate500 + m_settings.rate503)
            return Fault::ServiceUnavailable;
    }
    return Fault::None;
}

bool FaultInjector::dropAfterCreate()
{
    if (m_settings.dropNext > 0) {
        --m_settings.dropNext;
        return true;
    }
    return m_settings.dropRate > 0.0 && m_random.generateDouble() < m_settings.dropRate;
}

} // namespace sandbox
