#include "NumberDirectory.h"

#include "SidFactory.h"

using namespace Qt::StringLiterals;

namespace sandbox {

SenderNumber *NumberDirectory::find(const QString &number)
{
    for (SenderNumber &n : m_numbers) {
        if (n.number == number)
            return &n;
    }
    return nullptr;
}

const SenderNumber *NumberDirectory::find(const QString &number) const
{
    return const_cast<NumberDirectory *>(this)->find(number);
}

NumberDirectory NumberDirectory::demo(SidFactory &sids, qint64 nowMs)
{
    NumberDirectory d;
    auto phone = [&](const QString &number, SenderNumber::Kind kind, const QString &name,
                     bool sms) {
        SenderNumber n;
        n.sid = sids.make("PN"_L1);
        n.number = number;
        n.kind = kind;
        n.friendlyName = name;
        n.sms = sms;
        n.mms = sms;
        n.dateCreated = nowMs;
        d.add(n);
    };
    phone(u"+14155550100"_s, SenderNumber::Kind::LongCode, u"Support line"_s, true);
    phone(u"+14155550101"_s, SenderNumber::Kind::LongCode, u"Sales line"_s, true);
    phone(u"+14155550102"_s, SenderNumber::Kind::LongCode, u"Front desk (voice only)"_s, false);
    phone(u"+18445550100"_s, SenderNumber::Kind::TollFree, u"Toll-free notifications"_s, true);

    SenderNumber exclusive;
    exclusive.sid = sids.make("SC"_L1);
    exclusive.number = u"74621"_s;
    exclusive.kind = SenderNumber::Kind::ShortCode;
    exclusive.friendlyName = u"Alerts short code"_s;
    exclusive.voice = false;
    exclusive.dateCreated = nowMs;
    d.add(exclusive);

    SenderNumber shared = exclusive;
    shared.sid = sids.make("SC"_L1);
    shared.number = u"33733"_s;
    shared.friendlyName = u"Shared short code 33733 / DESK"_s;
    shared.shared = true;
    shared.providerKeywords = {u"DESK"_s};
    shared.advancedOptOut = true;
    d.add(shared);
    return d;
}

void NumberDirectory::save(QDataStream &out) const
{
    out << qint32(m_numbers.size());
    for (const SenderNumber &n : m_numbers) {
        out << n.sid << n.number << quint8(n.kind) << n.friendlyName << n.sms << n.mms << n.voice
            << n.shared << n.providerKeywords << n.advancedOptOut << n.dateCreated;
    }
}

bool NumberDirectory::load(QDataStream &in)
{
    m_numbers.clear();
    qint32 count = 0;
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        SenderNumber n;
        quint8 kind = 0;
        in >> n.sid >> n.number >> kind >> n.friendlyName >> n.sms >> n.mms >> n.voice >>
            n.shared >> n.providerKeywords >> n.advancedOptOut >> n.dateCreated;
        n.kind = SenderNumber::Kind(kind);
        m_numbers.append(n);
    }
    return in.status() == QDataStream::Ok;
}

} // namespace sandbox
