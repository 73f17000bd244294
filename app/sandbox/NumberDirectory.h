// The account's numbers, with the demo account's set (docs/SANDBOX.md lists them).
#pragma once

#include "SenderNumber.h"

#include <QDataStream>
#include <QList>

namespace sandbox {

class SidFactory;

class NumberDirectory
{
public:
    void add(const SenderNumber &number) { m_numbers.append(number); }
    const QList<SenderNumber> &all() const { return m_numbers; }
    SenderNumber *find(const QString &number);
    const SenderNumber *find(const QString &number) const;

    // Two SMS long codes, one voice-only long code, one toll-free, one exclusive short code
    // and one shared short code with the provider keyword DESK.
    static NumberDirectory demo(SidFactory &sids, qint64 nowMs);

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    QList<SenderNumber> m_numbers;
};

} // namespace sandbox
