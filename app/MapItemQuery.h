// The options of the Sync map item list (Order, From, Bounds, PageSize).
#pragma once

#include <QString>

struct MapItemQuery
{
    enum class Order
    {
        Default,
        Ascending,
        Descending
    };
    enum class Bounds
    {
        Default,
        Inclusive,
        Exclusive
    };

    Order order = Order::Default;
    QString from; // the key to start at; empty for the first
    Bounds bounds = Bounds::Default;
    int pageSize = 0; // 1–100; 0 leaves the provider's default (50)
};
