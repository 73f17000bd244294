#include "HistorySeeder.h"

#include "Carrier.h"
#include "NumSegments.h"
#include "SandboxState.h"
#include "SidFactory.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace HistorySeeder {

namespace {

const char *const kNames[] = {"Alex",   "Sam",   "Jordan", "Taylor",
                              "Morgan", "Riley", "Casey",  "Jamie"};
const char *const kOutbound[] = {
    "Hi %1, your order #%2 is ready for pickup. Reply STOP to opt out.",
    "Hello %1! Your appointment is confirmed for %3 at 10:30. Reply C to cancel.",
    "%1, thanks for your order #%2. We will text you when it ships.",
    "Reminder: your table for %3 is booked, %1. See you soon!",
    "Hi %1, we have received your request #%2 and will get back to you shortly."};
const char *const kInbound[] = {"Thanks! See you then.",      "Can I move order %2 to %3?",
                                "What are your hours on %3?", "Ok, thank you %1",
                                "Is #%2 shipped yet?",        "Perfect 👍"};
const char *const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

QString customerNumber(int thread)
{
    // Valid US numbers in fictional 555 exchanges across a few area codes; line numbers
    // ending 00-79 are ordinary mobiles under the sandbox's line rules.
    static const int areas[] = {415, 628, 510, 650, 408, 707, 925, 209};
    const int area = areas[thread % 8];
    const int rest = thread / 8;
    const int exchange = 200 + (rest / 8000) % 800;
    const int line = (rest % 8000) / 80 * 100 + rest % 80;
    return u"+1%1%2%3"_s.arg(area)
        .arg(exchange, 3, 10, QLatin1Char('0'))
        .arg(line, 4, 10, QLatin1Char('0'));
}

} // namespace

void seed(SandboxState &state, SidFactory &sids, qint64 nowMs, qint64 messages, int threads,
          int days)
{
    QList<QString> ours;
    for (const SenderNumber &n : state.numbers.all()) {
        if (n.sms)
            ours.append(n.number);
    }
    if (ours.isEmpty() || messages <= 0)
        return;
    QRandomGenerator random(quint32(messages ^ quint64(threads) ^ 0x5EEDu));
    std::vector<quint32> oursIds;
    for (const QString &n : ours)
        oursIds.push_back(state.messages.intern(n));
    std::vector<quint32> customerIds(static_cast<size_t>(threads));
    for (int t = 0; t < threads; ++t)
        customerIds[size_t(t)] = state.messages.intern(customerNumber(t));

    const qint64 span = qint64(days) * 24 * 3600 * 1000;
    for (qint64 i = 0; i < messages; ++i) {
        const int thread = int(random.bounded(quint32(threads)));
        const bool inbound = random.bounded(2u) == 0;
        const QString name = QString::fromLatin1(kNames[random.bounded(8u)]);
        const QString order = QString::number(10000 + random.bounded(90000u));
        const QString day = QString::fromLatin1(kDays[random.bounded(6u)]);
        const char *pattern =
            inbound ? kInbound[random.bounded(6u)] : kOutbound[random.bounded(5u)];
        const QString body = QString::fromUtf8(pattern)
                                 .replace(u"%1"_s, name)
                                 .replace(u"%2"_s, order)
                                 .replace(u"%3"_s, day);

        StoredMessage m;
        m.sid = sids.next128();
        m.dateCreated = nowMs - 1 - qint64(random.generateDouble() * double(span));
        m.dateSent = m.dateCreated + (inbound ? 0 : 1000);
        m.dateUpdated = m.dateSent + (inbound ? 0 : 2000);
        const quint32 our = oursIds[size_t(thread) % oursIds.size()];
        m.from = inbound ? customerIds[size_t(thread)] : our;
        m.to = inbound ? our : customerIds[size_t(thread)];
        m.numSegments = quint16(NumSegments::count(body).segments);
        m.direction = inbound ? MessageDirection::Inbound : MessageDirection::OutboundApi;
        m.status = inbound ? MessageStatus::Received : MessageStatus::Delivered;
        m.priced = true;
        m.priceMicros = Carrier::kPricePerSegmentMicros * m.numSegments;
        state.messages.addUnordered(m, body);
    }
    state.messages.finishBulk();
}

} // namespace HistorySeeder

} // namespace sandbox
