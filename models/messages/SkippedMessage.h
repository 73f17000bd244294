// A provider message a sync could not store, and why: kept aside instead of failing its page.
#pragma once

#include <QString>

struct SkippedMessage
{
    QString sid; // '' when the provider sent none
    QString reason;
    QString detail; // what could be read of it, e.g. "outbound-api, sent, +1… → +1…"
};
