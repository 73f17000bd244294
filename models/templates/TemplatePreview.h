// The longest rendering of a template across an audience: its encoding and segments, the
// segments of the whole send, for the editor's live counter and cost estimate.
#pragma once

#include "SegmentCount.h"
#include "TemplateText.h"

#include <QHash>
#include <QList>
#include <QString>

class TemplatePreview
{
public:
    struct Result
    {
        QString longestText;         // most segments, then least room left
        qsizetype longestIndex = -1; // its recipient, -1 for an empty audience
        SegmentCount longest;        // SegmentCounter::count(longestText)
        qint64 totalSegments = 0;    // summed over the audience
        int recipients = 0;
        QHash<QString, int> missing; // field -> recipients rendered without a value for it
    };

    // With no recipients, the body is rendered with no values (fallbacks only) once.
    // Recipients whose used fields are equal are rendered once.
    static Result evaluate(const TemplateText &text,
                           const QList<QHash<QString, QString>> &recipients);

    // Segments times the price per segment.
    static double cost(qint64 segments, double pricePerSegment)
    {
        return double(segments) * pricePerSegment;
    }
};
