// The options of the Sync list item read (Order, From, Bounds, PageSize). Reading what was
// appended after index N: Order asc, from N, Bounds exclusive.
#pragma once

#include "MapItemQuery.h"

#include <optional>

struct ListItemQuery
{
    using Order = MapItemQuery::Order;
    using Bounds = MapItemQuery::Bounds;

    Order order = Order::Default;    // the provider's default is ascending
    std::optional<qint64> from;      // an item index; unset starts at the first (or last) item
    Bounds bounds = Bounds::Default; // the provider's default is inclusive
    int pageSize = 0;                // 1–100; 0 leaves the provider's default (50)
};
