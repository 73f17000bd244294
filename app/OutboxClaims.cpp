// The outbox's part in a team's keyword replies: asking the claim gate before a post and
// recording what the team did instead (Outbox.cpp holds the rest of the class).
#include "Outbox.h"

#include "AppLogging.h"
#include "StoreWriter.h"
#include "UnansweredKeywords.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

void Outbox::setClaimGate(OutboxClaimGate *gate)
{
    m_claimGate = gate;
    m_awaitingClaimGate = false;
    QTimer::singleShot(0, this, &Outbox::pump);
}

int Outbox::heldForClaimGate() const
{
    if (!m_awaitingClaimGate)
        return 0;
    int held = 0;
    for (const Item &item : m_items) {
        if (OutboxClaimGate::needsClaim(item.row))
            ++held;
    }
    return held;
}

void Outbox::postClaimed(qint64 id)
{
    const OutboxRow row = m_items[id].row;
    if (!row.clientRef.startsWith(u"keyword:"_s)) {
        postFresh(id);
        return;
    }
    if (!m_claimGate || !OutboxClaimGate::needsClaim(row)) {
        postUnlessStale(id);
        return;
    }
    m_claimGate->claim(row, this, [this, id](const OutboxClaimGate::Verdict &verdict) {
        if (!m_items.contains(id))
            return;
        switch (verdict.kind) {
        case OutboxClaimGate::Verdict::Kind::Send:
            postUnlessStale(id);
            return;
        case OutboxClaimGate::Verdict::Kind::Settled:
            settleByTeam(id, verdict);
            return;
        case OutboxClaimGate::Verdict::Kind::Wait:
            break;
        }
        Item &waiting = m_items[id];
        waiting.busy = false;
        waiting.dueAtMs = std::max(verdict.retryAtMs, nowMs() + 100);
        pump();
    });
}

void Outbox::postUnlessStale(qint64 id)
{
    // Checked once the claim is ours (a teammate's reply sent in time still settles it here):
    // days late is worse than not at all, and agents see it in the thread instead.
    const OutboxRow row = m_items[id].row;
    const qint64 window = m_keywordReplyWindow.count();
    const qint64 at = nowMs();
    m_writer->post(
        [row, window, at](WriterContext &context) {
            return context.repo<UnansweredKeywords>().settleIfStale(row, window, at);
        },
        this,
        [this, id](const std::optional<QString> &stale) {
            if (!m_items.contains(id))
                return;
            if (!stale) { // the profile could not say: ask again soon rather than guess
                Item &waiting = m_items[id];
                waiting.busy = false;
                waiting.dueAtMs = nowMs() + 1000;
                pump();
                return;
            }
            if (stale->isEmpty()) {
                postFresh(id);
                return;
            }
            qCInfo(lcOutbox).noquote() << "message" << id << "not sent:" << *stale;
            if (m_claimGate && OutboxClaimGate::needsClaim(m_items[id].row))
                m_claimGate->refused(m_items[id].row, *stale);
            m_items.remove(id);
            Q_EMIT messageBlocked(id, *stale);
            pump();
        });
}

void Outbox::settleByTeam(qint64 id, const OutboxClaimGate::Verdict &verdict)
{
    const OutboxRow row = m_items[id].row;
    const qint64 at = nowMs();
    m_writer->post(
        [row, verdict, at](WriterContext &context) {
            auto rows = context.repo<OutboxRows>();
            if (verdict.sid.isEmpty())
                return rows.markBlocked(row.id, verdict.reason, at);
            // The team's reply is this one: the thread shows it once, with the provider's
            // status, as sent by the desktop that sent it.
            return context.messages->attachSid(row.clientRef, verdict.sid, u"sent"_s) &&
                   rows.markSentElsewhere(row.id, verdict.sentBy, at);
        },
        this,
        [this, id, sid = verdict.sid](bool ok) {
            if (!ok)
                qCWarning(lcOutbox) << "could not record that the team settled message" << id;
            qCInfo(lcOutbox) << "message" << id
                             << "settled by the team:" << (sid.isEmpty() ? u"not sent"_s : sid);
            m_items.remove(id);
            Q_EMIT messageSettledByTeam(id, sid);
            pump();
        });
}
