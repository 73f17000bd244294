// One thread's messages, oldest at the top and newest at the bottom: the latest page is read
// when the thread opens, older history page by page (fetchMore prepends), and the store's
// change signals update rows in place.
#pragma once

#include "MessageRow.h"
#include "ThreadMessageQuery.h"

#include <QAbstractListModel>
#include <QList>
#include <QSqlDatabase>

class ChangeSet;

class ThreadMessagesModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        DirectionRole, // "in" or "out"
        BodyRole,
        StatusRole,
        ErrorCodeRole,    // int, 0 for none
        ErrorMessageRole, // the provider's text
        AuthorRole,       // the agent; '' for inbound and messages from elsewhere
        CampaignIdRole,   // qint64, 0 for none
        CampaignNameRole,
        CreatedAtRole, // QDateTime, UTC
        DayRole,       // QDate in local time, for day separators
        SegmentsRole,
        OutboundRole,     // bool
        ScheduledAtRole,  // QDateTime UTC, invalid when not scheduled ("Send later…")
        CustomerZoneRole, // the customer's IANA zone, for scheduled messages
        MediaRole,        // JSON array of the MMS media (MessageRow::media); '' for none
    };
    Q_ENUM(Role)

    static constexpr int PageSize = 100;

    // db: a reader connection owned by the caller's thread.
    explicit ThreadMessagesModel(QSqlDatabase db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    // More means older history: fetchMore() inserts it at row 0.
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Resets to the thread's latest page; threadId 0 empties the model.
    void setThread(qint64 accountId, qint64 threadId);
    qint64 accountId() const { return m_accountId; }
    qint64 threadId() const { return m_threadId; }

    qint64 messageIdAt(int row) const;
    int rowOf(qint64 messageId) const; // -1 when not loaded

    // Reads older pages (keyset, as fetchMore) until the message is loaded; its row, or -1
    // when it is no message of this thread (nothing is read then).
    int loadUntil(qint64 messageId);

public Q_SLOTS:
    // From the change feed: added, updated and deleted messages (of any thread).
    void applyChanges(const ChangeSet &changes);
    // The store wrote these messages (of any thread): rows of this thread newer than the
    // oldest loaded row are inserted where they belong; older ones come with fetchMore.
    void messagesAdded(const QList<qint64> &messageIds);
    // Their status, error or body changed: loaded rows are refreshed in place; a row that no
    // longer belongs to the thread (merged away) is removed.
    void messagesUpdated(const QList<qint64> &messageIds);

private:
    void insertRow(const MessageRow &row);
    void updateRow(int row, const MessageRow &fresh);

    ThreadMessageQuery m_query;
    qint64 m_accountId = 0;
    qint64 m_threadId = 0;
    QList<MessageRow> m_rows;
    bool m_hasMore = false;
    bool m_fetching = false;
};
