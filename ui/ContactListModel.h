// The Contacts list's rows: ContactListQuery pages fetched as the view scrolls (canFetchMore /
// fetchMore), re-read from the start when the search or the sort changes.
#pragma once

#include "ContactListQuery.h"

#include <QAbstractTableModel>

class StoreReader;

class ContactListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Name,
        Number,
        Tags,
        TextEnabled,
        LastMessage,
        ColumnCount
    };
    enum Role
    {
        NumberRole = Qt::UserRole + 1
    };

    ContactListModel(const StoreReader &reader, qint64 accountId, QObject *parent = nullptr);

    void setSearch(const QString &text);
    // Re-reads from the first page (after an edit or a delete).
    void reload();
    // How many contacts match the search, read with the first page.
    int matching() const { return m_matching; }
    void setPageSize(int rows) { m_pageSize = rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order) override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void reloaded();
    void readFailed(const QString &error);

private:
    const StoreReader &m_reader;
    ContactListQuery::Request m_request;
    QList<ContactListQuery::Row> m_rows;
    ContactListQuery::Cursor m_next;
    bool m_atEnd = true;
    int m_matching = 0;
    int m_pageSize = ContactListQuery::DefaultPageSize;
};
