#include "KeywordClaim.h"

using namespace Qt::StringLiterals;

QJsonObject KeywordClaim::toJson() const
{
    QJsonObject json{{u"holder"_s, holder},
                     {u"holder_name"_s, holderName},
                     {u"state"_s, state},
                     {u"lease_until"_s, double(leaseUntilMs)}};
    if (!sid.isEmpty())
        json.insert(u"sid"_s, sid);
    if (!reason.isEmpty())
        json.insert(u"reason"_s, reason);
    return json;
}

KeywordClaim KeywordClaim::fromJson(const QJsonObject &json)
{
    KeywordClaim claim;
    claim.holder = json.value(u"holder"_s).toString();
    claim.holderName = json.value(u"holder_name"_s).toString();
    claim.state = json.value(u"state"_s).toString();
    claim.leaseUntilMs = qint64(json.value(u"lease_until"_s).toDouble());
    claim.sid = json.value(u"sid"_s).toString();
    claim.reason = json.value(u"reason"_s).toString();
    return claim;
}

KeywordClaim::Next KeywordClaim::next(const QString &us, qint64 nowMs, qint64 marginMs) const
{
    if (state == Sent || state == Refused)
        return Next::Settled;
    if (holder == us) {
        if (leaseUntilMs - nowMs < marginMs)
            return Next::Renew;
        return state == Reconciling ? Next::Reconcile : Next::Send;
    }
    // A state this version does not know, or a holder still inside its lease: not ours.
    if (leaseUntilMs > nowMs || (state != Claimed && state != Reconciling))
        return Next::Wait;
    return Next::TakeOver;
}
