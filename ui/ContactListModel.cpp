#include "ContactListModel.h"

#include "StoreReader.h"

#include <QDateTime>
#include <QLocale>

ContactListModel::ContactListModel(const StoreReader &reader, qint64 accountId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(reader)
{
    m_request.accountId = accountId;
    reload();
}

void ContactListModel::setSearch(const QString &text)
{
    if (text == m_request.search)
        return;
    m_request.search = text;
    reload();
}

void ContactListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_next = {};
    m_atEnd = false;
    auto query = m_reader.make<ContactListQuery>();
    m_matching = qMax(0, query.count(m_request));
    endResetModel();
    fetchMore({});
    Q_EMIT reloaded();
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContactListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ContactListQuery::Row &row = m_rows.at(index.row());
    if (role == NumberRole)
        return row.number;
    if (role == Qt::ToolTipRole && index.column() == TextEnabled)
        return tr("Whether the number can receive texts, as Lookup, a reply or a delivery "
                  "error last showed");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return row.name.isEmpty() ? tr("(no name)") : row.name;
    case Number:
        return row.number;
    case Tags:
        return row.tags.join(QStringLiteral(", "));
    case TextEnabled:
        return row.textEnabled == QLatin1String("yes")        ? tr("Yes")
               : row.textEnabled == QLatin1String("no")       ? tr("No")
               : row.textEnabled == QLatin1String("checking") ? tr("Checking")
                                                              : tr("Unknown");
    case LastMessage:
        return row.lastMessageAt > 0
                   ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.lastMessageAt),
                                        QLocale::ShortFormat)
                   : QString();
    }
    return {};
}

QVariant ContactListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Number:
        return tr("Number");
    case Tags:
        return tr("Tags");
    case TextEnabled:
        return tr("Text-enabled");
    case LastMessage:
        return tr("Last message");
    }
    return {};
}

void ContactListModel::sort(int column, Qt::SortOrder order)
{
    using Sort = ContactListQuery::Sort;
    // Tags and text-enabled are not sort keys: they keep the name order.
    m_request.sort = column == Number        ? Sort::Number
                     : column == LastMessage ? Sort::LastMessage
                                             : Sort::Name;
    // "Last message" ascending is newest first, as a person expects at the first click.
    m_request.descending = order == Qt::DescendingOrder;
    reload();
}

bool ContactListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void ContactListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd)
        return;
    auto query = m_reader.make<ContactListQuery>();
    ContactListQuery::Request request = m_request;
    request.after = m_next;
    request.limit = m_pageSize;
    const auto page = query.page(request);
    if (!page) {
        m_atEnd = true;
        Q_EMIT readFailed(query.errorString());
        return;
    }
    if (!page->rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->rows.size()) - 1);
        m_rows += page->rows;
        endInsertRows();
        m_next = page->next;
    }
    m_atEnd = page->atEnd;
}
