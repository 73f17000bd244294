#include "AudienceFilter.h"

#include <QSet>

#include <vector>

AudienceFilter::AudienceFilter(const Settings &settings)
    : m_settings(settings)
{}

namespace {

// The number's digits as an integer, or -1 when it is not E.164. A country code never starts
// with 0, so equal integers mean equal numbers; comparing integers keeps filtering hundreds
// of thousands of candidates fast.
qint64 e164Key(const QString &number)
{
    // ITU-T E.164: at most 15 digits; the shortest real national numbers give 7 with the
    // country code.
    const qsizetype digits = number.size() - 1;
    if (digits < 7 || digits > 15 || number.front() != u'+' || number.at(1) == u'0')
        return -1;
    qint64 key = 0;
    for (qsizetype i = 1; i < number.size(); ++i) {
        const char16_t c = number.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        key = key * 10 + (c - u'0');
    }
    return key;
}

} // namespace

bool AudienceFilter::isE164(const QString &number)
{
    return e164Key(number) >= 0;
}

AudienceFilter::Result AudienceFilter::filter(const QList<Candidate> &candidates, qint64 at) const
{
    std::vector<qint64> keys(static_cast<size_t>(candidates.size()));
    QSet<qint64> optedOut;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates.at(i);
        keys[size_t(i)] = c.numberValid ? e164Key(c.number) : -1;
        if (c.consent == Candidate::Consent::OptedOut && keys[size_t(i)] >= 0)
            optedOut.insert(keys[size_t(i)]);
    }

    Result result;
    result.included.reserve(candidates.size());
    QSet<qint64> seen;
    seen.reserve(candidates.size());
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates.at(i);
        const qint64 key = keys[size_t(i)];
        auto exclude = [&](SuppressionReason reason) {
            result.excluded.append({i, reason});
            ++result.counts[size_t(reason)];
        };
        if (key < 0) {
            exclude(SuppressionReason::InvalidNumber);
            continue;
        }
        if (!optedOut.isEmpty() && optedOut.contains(key)) {
            exclude(SuppressionReason::Unsubscribed);
            continue;
        }
        const bool textEnabled = c.textEnabled == Candidate::TextEnabled::Yes ||
                                 (!m_settings.requireConfirmedTextEnabled &&
                                  c.textEnabled != Candidate::TextEnabled::No);
        if (!textEnabled) {
            exclude(SuppressionReason::NotTextEnabled);
            continue;
        }
        const qsizetype before = seen.size();
        seen.insert(key);
        if (seen.size() == before) {
            exclude(SuppressionReason::Duplicate);
            continue;
        }
        if (m_settings.suppressOpenThreads && c.hasOpenThread) {
            exclude(SuppressionReason::OpenSupportThread);
            continue;
        }
        if (!c.recentPromotionalMSecs.isEmpty() &&
            !m_settings.frequencyCap.allowsMSecs(c.recentPromotionalMSecs, at)) {
            exclude(SuppressionReason::FrequencyCap);
            continue;
        }
        result.included.append(i);
    }
    return result;
}
