#include "AudienceFilter.h"

#include <QSet>

AudienceFilter::AudienceFilter(const Settings &settings)
    : m_settings(settings)
{}

bool AudienceFilter::isE164(const QString &number)
{
    // ITU-T E.164: at most 15 digits; the shortest real national numbers give 7 with the
    // country code. The leading digit of a country code is never 0.
    const qsizetype digits = number.size() - 1;
    if (digits < 7 || digits > 15 || number.front() != u'+' || number.at(1) == u'0')
        return false;
    for (qsizetype i = 1; i < number.size(); ++i) {
        const char16_t c = number.at(i).unicode();
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

AudienceFilter::Result AudienceFilter::filter(const QList<Candidate> &candidates, qint64 at) const
{
    QSet<QString> optedOut;
    for (const Candidate &c : candidates) {
        if (c.consent == Candidate::Consent::OptedOut)
            optedOut.insert(c.number);
    }

    Result result;
    result.included.reserve(candidates.size());
    QSet<QString> seen;
    seen.reserve(candidates.size());
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const Candidate &c = candidates.at(i);
        auto exclude = [&](SuppressionReason reason) {
            result.excluded.append({i, reason});
            ++result.counts[size_t(reason)];
        };
        if (!c.numberValid || !isE164(c.number)) {
            exclude(SuppressionReason::InvalidNumber);
            continue;
        }
        if (optedOut.contains(c.number)) {
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
        if (seen.contains(c.number)) {
            exclude(SuppressionReason::Duplicate);
            continue;
        }
        seen.insert(c.number);
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
