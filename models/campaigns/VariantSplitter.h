// Splits a campaign's recipients into A/B variants and a hold-out group, deterministically.
#pragma once

#include <QList>
#include <QString>

// Counts: each group gets floor(n * percent / 100) recipients and the ones left over go, one
// each, to the groups with the largest remainders (ties: the earlier group, the hold-out
// last), so the counts differ from the exact split by less than one.
//
// Who goes where: recipients are ordered by a fixed 64-bit mix of (campaign id, contact id)
// (SplitMix64, the same on every platform and every run, unlike qHash) and cut into runs of
// those counts. Planning the same campaign again after a restart therefore gives the same
// variants. A recipient's variant can change only if the recipient list itself changes, which
// is why the runner stores it in campaign_recipients when planning.
class VariantSplitter
{
public:
    static constexpr int HoldOut = -1;

    struct Variant
    {
        QString name; // "A", "B", ...
        int percent = 0;
    };

    VariantSplitter(const QList<Variant> &variants, int holdOutPercent = 0);

    // '' when usable: at least one variant, unique non-empty names, each variant 1..100 %, the
    // hold-out 0..99 %, variants summing to exactly 100 - hold-out.
    QString validationError() const;
    bool isValid() const { return validationError().isEmpty(); }

    const QList<Variant> &variants() const { return m_variants; }
    int holdOutPercent() const { return m_holdOut; }

    // Recipients per group for `recipients`: one entry per variant, then the hold-out.
    QList<qsizetype> targetCounts(qsizetype recipients) const;

    // Per contact (input order): the variant's index, or HoldOut. Must be valid.
    QList<int> assign(qint64 campaignId, const QList<qint64> &contactIds) const;

    // The position key of a recipient; exposed for tests and for the runner's logs.
    static quint64 rank(qint64 campaignId, qint64 contactId);

private:
    QList<Variant> m_variants;
    int m_holdOut = 0;
};
