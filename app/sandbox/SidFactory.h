// Seeded source of sids and other random choices, so a run with --seed N is reproducible.
#pragma once

#include "Sid128.h"

#include <QRandomGenerator64>

namespace sandbox {

class SidFactory
{
public:
    explicit SidFactory(quint64 seed);

    Sid128 next128();
    QString make(QLatin1StringView prefix) { return next128().toString(prefix); }
    // 32 hex digits (an Auth Token).
    QString hex32() { return next128().toString(QLatin1StringView()); }

private:
    QRandomGenerator64 m_random;
};

} // namespace sandbox
