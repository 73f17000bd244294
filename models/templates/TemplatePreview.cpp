#include "TemplatePreview.h"

#include "SegmentCounter.h"

using namespace Qt::StringLiterals;

namespace {

bool longer(const SegmentCount &a, const SegmentCount &b)
{
    // Equal segments: the one nearer to needing another segment (a UCS-2 text of 60 units is
    // nearer than a GSM-7 text of 100 septets).
    return a.segments != b.segments ? a.segments > b.segments
                                    : a.remainingInSegment < b.remainingInSegment;
}

} // namespace

TemplatePreview::Result TemplatePreview::evaluate(const TemplateText &text,
                                                  const QList<QHash<QString, QString>> &recipients)
{
    Result result;
    if (recipients.isEmpty()) {
        const TemplateText::Rendered r = text.render({});
        result.longestText = r.text;
        result.longest = SegmentCounter::count(r.text);
        return result;
    }
    const QStringList fields = text.fieldNames();
    struct Seen
    {
        SegmentCount count;
        QStringList missing;
    };
    QHash<QString, Seen> seen; // the used fields' values -> what they render to
    result.recipients = int(recipients.size());
    for (qsizetype i = 0; i < recipients.size(); ++i) {
        const QHash<QString, QString> &values = recipients.at(i);
        QString key;
        for (const QString &field : fields) {
            key += values.value(field);
            key += QChar(0x1f); // unit separator: no value contains it
        }
        auto it = seen.find(key);
        if (it == seen.end()) {
            const TemplateText::Rendered r = text.render(values);
            it = seen.insert(key, Seen{SegmentCounter::count(r.text), r.missing});
            if (result.longestIndex < 0 || longer(it->count, result.longest)) {
                result.longest = it->count;
                result.longestText = r.text;
                result.longestIndex = i;
            }
        }
        result.totalSegments += it->count.segments;
        for (const QString &field : std::as_const(it->missing))
            ++result.missing[field];
    }
    return result;
}
