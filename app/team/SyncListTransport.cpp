#include "SyncListTransport.h"

#include "ProviderClient.h"

SyncListTransport::SyncListTransport(ProviderClient *client, QString serviceName, QString listName)
    : m_client(client)
    , m_serviceName(std::move(serviceName))
    , m_listName(std::move(listName))
{}

void SyncListTransport::open(QObject *context, ProviderCallback<ProviderDone> done)
{
    m_client->findOrCreateSyncService(
        m_serviceName, context, [this, context, done](const ProviderResult<SyncService> &service) {
            if (!service.ok()) {
                done(service.error());
                return;
            }
            m_serviceSid = service.value().sid;
            m_client->findOrCreateSyncList(m_serviceSid, m_listName, context,
                                           [this, done](const ProviderResult<SyncList> &list) {
                                               if (!list.ok()) {
                                                   done(list.error());
                                                   return;
                                               }
                                               m_listSid = list.value().sid;
                                               done(ProviderDone{});
                                           });
        });
}

void SyncListTransport::append(const QJsonObject &data, QObject *context,
                               ProviderCallback<qint64> done)
{
    m_client->appendListItem(m_serviceSid, m_listSid, data, m_itemTtl, context,
                             [done](const ProviderResult<SyncListItem> &item) {
                                 if (!item.ok())
                                     done(item.error());
                                 else
                                     done(item.value().index);
                             });
}

void SyncListTransport::readAfter(qint64 after, int pageSize, QObject *context,
                                  ProviderCallback<Page> done)
{
    ListItemQuery query;
    query.order = ListItemQuery::Order::Ascending;
    if (after >= 0) {
        query.from = after;
        query.bounds = ListItemQuery::Bounds::Exclusive;
    }
    query.pageSize = pageSize;
    m_client->listListItems(m_serviceSid, m_listSid, query, context,
                            [done](const ProviderResult<SyncListItemPage> &page) {
                                if (!page.ok()) {
                                    done(page.error());
                                    return;
                                }
                                Page out;
                                for (const SyncListItem &item : page.value().items)
                                    out.items.append({item.index, item.data});
                                out.more = page.value().hasNextPage();
                                done(out);
                            });
}
