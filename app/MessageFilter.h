// The filters of the 2010 API's message list.
#pragma once

#include <QDate>
#include <QString>

#include <optional>

struct MessageFilter
{
    QString to;   // exact E.164; empty for any
    QString from; // exact E.164; empty for any
    // Day granularity in UTC, sent as YYYY-MM-DD (DateSent, DateSent<, DateSent>).
    std::optional<QDate> dateSent;
    std::optional<QDate> dateSentBefore; // "DateSent<": on or before this day
    std::optional<QDate> dateSentAfter;  // "DateSent>": on or after this day
    int pageSize = 0;                    // 1–1000; 0 leaves the provider's default (50)
};
