// Where the team log lives, as the team log engine needs it: append an item, read the items
// after an index. SyncListTransport implements it over Twilio Sync; tests use an in-memory one.
#pragma once

#include "ProviderResult.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

class TeamLogTransport
{
public:
    struct Item
    {
        qint64 index = -1;
        QJsonObject data;
    };
    struct Page
    {
        QList<Item> items; // ascending index
        bool more = false; // another page follows
    };

    virtual ~TeamLogTransport() = default;

    // Finds (or creates) the log: call before the others; answers once it can be used.
    virtual void open(QObject *context, ProviderCallback<ProviderDone> done) = 0;
    // Appends one item; answers its index.
    virtual void append(const QJsonObject &data, QObject *context,
                        ProviderCallback<qint64> done) = 0;
    // Up to pageSize items with an index greater than `after` (-1: from the start).
    virtual void readAfter(qint64 after, int pageSize, QObject *context,
                           ProviderCallback<Page> done) = 0;
};
