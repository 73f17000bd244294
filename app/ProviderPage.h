// One page of a provider list and the URI of the next page.
#pragma once

#include <QList>
#include <QString>

template<typename T>
struct ProviderPage
{
    QList<T> items;
    // As sent by the provider (relative for the 2010 API, absolute for Sync); empty on the
    // last page. Pass it back to the client's next…Page() unchanged.
    QString nextPageUri;

    bool hasNextPage() const { return !nextPageUri.isEmpty(); }
};
