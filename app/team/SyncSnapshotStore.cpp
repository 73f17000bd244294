#include "SyncSnapshotStore.h"

#include "ProviderClient.h"
#include "SyncListTransport.h"

#include <QTimer>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString CompletionKind = u"snapshot.complete"_s;
// The newest items are read this many at a time while looking for the newest completion:
// parts of a snapshot being written may come after it.
constexpr int NewestPageSize = 50;
constexpr int PartsPageSize = 100;
// Between two appends: at most ~16 writes a second on the list, inside Sync's 20 per object.
constexpr int PartIntervalMs = 60;

} // namespace

SyncSnapshotStore::SyncSnapshotStore(ProviderClient *client, const SyncListTransport *log,
                                     QString listName)
    : m_client(client)
    , m_log(log)
    , m_listName(std::move(listName))
{}

QString SyncSnapshotStore::serviceSid() const
{
    return m_log->serviceSid();
}

QJsonObject SyncSnapshotStore::completion(const Snapshot &snapshot)
{
    return {{u"kind"_s, CompletionKind},
            {u"snap"_s, snapshot.id},
            {u"covers"_s, double(snapshot.covers)},
            {u"parts"_s, snapshot.parts},
            {u"first"_s, double(snapshot.firstItem)},
            {u"last"_s, double(snapshot.lastItem)},
            {u"at"_s, double(snapshot.writtenAt.toMSecsSinceEpoch())}};
}

std::optional<TeamSnapshotStore::Snapshot>
SyncSnapshotStore::fromCompletion(const QJsonObject &data)
{
    if (data.value(u"kind"_s).toString() != CompletionKind || !data.value(u"covers"_s).isDouble())
        return std::nullopt;
    Snapshot snapshot;
    snapshot.id = data.value(u"snap"_s).toString();
    snapshot.covers = qint64(data.value(u"covers"_s).toDouble());
    snapshot.parts = data.value(u"parts"_s).toInt();
    snapshot.firstItem = qint64(data.value(u"first"_s).toDouble(-1));
    snapshot.lastItem = qint64(data.value(u"last"_s).toDouble(-1));
    snapshot.writtenAt =
        QDateTime::fromMSecsSinceEpoch(qint64(data.value(u"at"_s).toDouble()), Qt::UTC);
    if (snapshot.id.isEmpty() || snapshot.parts < 1 || snapshot.firstItem < 0 ||
        snapshot.lastItem < snapshot.firstItem)
        return std::nullopt;
    return snapshot;
}

void SyncSnapshotStore::withList(QObject *context, std::function<void(const ProviderError *)> then)
{
    if (m_listReady) {
        then(nullptr);
        return;
    }
    m_client->findOrCreateSyncList(serviceSid(), m_listName, context,
                                   [this, then](const ProviderResult<SyncList> &list) {
                                       if (!list.ok()) {
                                           then(&list.error());
                                           return;
                                       }
                                       m_listReady = true;
                                       then(nullptr);
                                   });
}

void SyncSnapshotStore::latest(QObject *context, ProviderCallback<Snapshot> done)
{
    withList(context, [this, context, done](const ProviderError *error) {
        if (error) {
            done(*error);
            return;
        }
        ListItemQuery query;
        query.order = ListItemQuery::Order::Descending;
        query.pageSize = NewestPageSize;
        auto onPage = std::make_shared<ProviderCallback<SyncListItemPage>>();
        *onPage = [this, context, done, onPage](const ProviderResult<SyncListItemPage> &page) {
            if (!page.ok()) {
                done(page.error());
                return;
            }
            for (const SyncListItem &item : page.value().items) {
                if (const auto snapshot = fromCompletion(item.data)) {
                    done(*snapshot);
                    return;
                }
            }
            if (!page.value().hasNextPage()) {
                done(Snapshot{});
                return;
            }
            m_client->nextListItemPage(page.value().nextPageUri, context, *onPage);
        };
        m_client->listListItems(serviceSid(), m_listName, query, context, *onPage);
    });
}

void SyncSnapshotStore::read(const Snapshot &snapshot, QObject *context,
                             ProviderCallback<QList<QJsonObject>> done)
{
    ListItemQuery query;
    query.order = ListItemQuery::Order::Ascending;
    query.from = snapshot.firstItem;
    query.bounds = ListItemQuery::Bounds::Inclusive;
    query.pageSize = PartsPageSize;
    auto parts = std::make_shared<QList<QJsonObject>>();
    auto onPage = std::make_shared<ProviderCallback<SyncListItemPage>>();
    *onPage = [this, context, done, parts, onPage,
               snapshot](const ProviderResult<SyncListItemPage> &page) {
        if (!page.ok()) {
            done(page.error());
            return;
        }
        bool past = false;
        for (const SyncListItem &item : page.value().items) {
            if (item.index > snapshot.lastItem) {
                past = true;
                break;
            }
            // Another desktop's snapshot written at the same time may interleave its parts.
            if (item.data.value(u"snap"_s).toString() == snapshot.id)
                parts->append(item.data);
        }
        if (past || !page.value().hasNextPage()) {
            done(*parts);
            return;
        }
        m_client->nextListItemPage(page.value().nextPageUri, context, *onPage);
    };
    withList(context, [this, context, query, onPage, done](const ProviderError *error) {
        if (error) {
            done(*error);
            return;
        }
        m_client->listListItems(serviceSid(), m_listName, query, context, *onPage);
    });
}

void SyncSnapshotStore::write(qint64 covers, const QList<QJsonObject> &parts, QObject *context,
                              ProviderCallback<Snapshot> done)
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    snapshot->covers = covers;
    snapshot->parts = int(parts.size());
    withList(context, [this, context, snapshot, parts, done](const ProviderError *error) {
        if (error) {
            done(*error);
            return;
        }
        appendParts(snapshot, parts, context, done);
    });
}

void SyncSnapshotStore::appendParts(std::shared_ptr<Snapshot> snapshot, QList<QJsonObject> rest,
                                    QObject *context, ProviderCallback<Snapshot> done)
{
    if (rest.isEmpty()) {
        snapshot->writtenAt = QDateTime::currentDateTimeUtc();
        m_client->appendListItem(serviceSid(), m_listName, completion(*snapshot), ItemTtlSeconds,
                                 context,
                                 [snapshot, done](const ProviderResult<SyncListItem> &item) {
                                     if (!item.ok())
                                         done(item.error());
                                     else
                                         done(*snapshot);
                                 });
        return;
    }
    QJsonObject part = rest.takeFirst();
    part.insert(u"snap"_s, snapshot->id);
    m_client->appendListItem(
        serviceSid(), m_listName, part, ItemTtlSeconds, context,
        [this, snapshot, rest, context, done](const ProviderResult<SyncListItem> &item) {
            if (!item.ok()) {
                done(item.error()); // 429/54009 included: the next cycle writes a new one
                return;
            }
            if (snapshot->firstItem < 0)
                snapshot->firstItem = item.value().index;
            snapshot->lastItem = item.value().index;
            QTimer::singleShot(PartIntervalMs, context, [this, snapshot, rest, context, done] {
                appendParts(snapshot, rest, context, done);
            });
        });
}
