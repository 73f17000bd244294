#include "VariantSplitter.h"

#include <QSet>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

quint64 splitMix64(quint64 x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

VariantSplitter::VariantSplitter(const QList<Variant> &variants, int holdOutPercent)
    : m_variants(variants)
    , m_holdOut(holdOutPercent)
{}

QString VariantSplitter::validationError() const
{
    if (m_variants.isEmpty())
        return u"a campaign needs at least one variant"_s;
    if (m_holdOut < 0 || m_holdOut > 99)
        return u"the hold-out must be between 0 and 99 percent (got %1)"_s.arg(m_holdOut);
    QSet<QString> names;
    int sum = 0;
    for (const Variant &v : m_variants) {
        if (v.name.trimmed().isEmpty())
            return u"every variant needs a name"_s;
        if (names.contains(v.name))
            return u"variant \"%1\" is listed twice"_s.arg(v.name);
        names.insert(v.name);
        if (v.percent < 1 || v.percent > 100)
            return u"variant \"%1\" has %2 percent; each variant needs 1 to 100"_s.arg(v.name).arg(
                v.percent);
        sum += v.percent;
    }
    if (sum != 100 - m_holdOut)
        return u"the variants add up to %1 percent but must add up to %2 (100 minus a %3 percent "
               u"hold-out)"_s.arg(sum)
                   .arg(100 - m_holdOut)
                   .arg(m_holdOut);
    return {};
}

quint64 VariantSplitter::rank(qint64 campaignId, qint64 contactId)
{
    return splitMix64(splitMix64(quint64(campaignId)) ^ quint64(contactId));
}

QList<qsizetype> VariantSplitter::targetCounts(qsizetype recipients) const
{
    QList<int> percents;
    for (const Variant &v : m_variants)
        percents.append(v.percent);
    percents.append(m_holdOut);

    QList<qsizetype> counts;
    QList<qsizetype> remainders;
    qsizetype assigned = 0;
    for (const int p : percents) {
        counts.append(recipients * p / 100);
        remainders.append(recipients * p % 100);
        assigned += counts.back();
    }
    std::vector<int> order(static_cast<size_t>(percents.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return remainders.at(a) > remainders.at(b); });
    // Fewer left-over recipients than groups, since each remainder is below one recipient.
    for (size_t i = 0; assigned < recipients; ++i, ++assigned)
        ++counts[order[i]];
    return counts;
}

QList<int> VariantSplitter::assign(qint64 campaignId, const QList<qint64> &contactIds) const
{
    Q_ASSERT(isValid());
    const qsizetype n = contactIds.size();
    std::vector<std::pair<quint64, qsizetype>> keyed(static_cast<size_t>(n)); // (rank, index)
    for (qsizetype i = 0; i < n; ++i)
        keyed[size_t(i)] = {rank(campaignId, contactIds.at(i)), i};
    std::sort(keyed.begin(), keyed.end());

    const QList<qsizetype> counts = targetCounts(n);
    QList<int> result(n, HoldOut);
    size_t position = 0;
    for (int group = 0; group < int(m_variants.size()); ++group) {
        for (qsizetype k = 0; k < counts.at(group); ++k)
            result[keyed[position++].second] = group;
    }
    return result; // the rest, the hold-out, keeps HoldOut
}
