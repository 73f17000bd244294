// The inbox search popup's rows: customers whose name or number matches, then messages.
#pragma once

#include "SearchHit.h"
#include "SearchQuery.h"

#include <QAbstractListModel>
#include <QList>

class SearchResultsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // "message" or "contact"
        ThreadIdRole,
        MessageIdRole, // 0 for contacts
        CreatedAtRole, // QDateTime, UTC
        CustomerNameRole,
        CustomerDisplayRole,
        SenderLabelRole,
        SnippetRole,
        InboundRole,
        SenderNumberRole,  // our number, canonical
        SenderDisplayRole, // our number, formatted
        MatchesRole,       // QList<QPoint>: (start, length) of each match in SnippetRole
    };
    Q_ENUM(Role)

    static constexpr int ContactLimit = 5;
    static constexpr int MessageLimit = 50;

    // db: a reader connection of this thread.
    explicit SearchResultsModel(QSqlDatabase db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Runs the search for the account (empty text clears the rows).
    void search(qint64 accountId, const QString &text);
    void clear();
    SearchHit hitAt(int row) const { return m_hits.value(row); }
    QString errorString() const { return m_query.errorString(); }

private:
    SearchQuery m_query;
    QList<SearchHit> m_hits;
};
