#include "SearchResultsModel.h"

#include <QDateTime>
#include <QPoint>

using namespace Qt::StringLiterals;

SearchResultsModel::SearchResultsModel(QSqlDatabase db, QObject *parent)
    : QAbstractListModel(parent)
    , m_query(std::move(db))
{}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &h = m_hits.at(index.row());
    const QString who = h.customerName.isEmpty() ? h.customerDisplay : h.customerName;
    switch (role) {
    case Qt::DisplayRole: {
        // Read by screen readers: who, on which of our numbers, and the words.
        const QString via = h.senderLabel.isEmpty()
                                ? h.senderDisplay
                                : QString(h.senderLabel + u" \u00b7 "_s + h.senderDisplay);
        return QString(who + u" (via "_s + via + u"): "_s + h.snippet);
    }
    case Qt::ToolTipRole:
        return h.snippet;
    case KindRole:
        return h.kind == SearchHit::Kind::Contact ? u"contact"_s : u"message"_s;
    case ThreadIdRole:
        return h.threadId;
    case MessageIdRole:
        return h.messageId;
    case CreatedAtRole:
        return QDateTime::fromMSecsSinceEpoch(h.createdAt, Qt::UTC);
    case CustomerNameRole:
        return h.customerName;
    case CustomerDisplayRole:
        return h.customerDisplay;
    case SenderLabelRole:
        return h.senderLabel;
    case SnippetRole:
        return h.snippet;
    case InboundRole:
        return h.inbound;
    case SenderNumberRole:
        return h.senderNumber;
    case SenderDisplayRole:
        return h.senderDisplay;
    case MatchesRole: {
        QList<QPoint> matches;
        for (const auto &[start, length] : h.matches)
            matches.append(QPoint(start, length));
        return QVariant::fromValue(matches);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{KindRole, "kind"},
                  {ThreadIdRole, "threadId"},
                  {MessageIdRole, "messageId"},
                  {CreatedAtRole, "createdAt"},
                  {CustomerNameRole, "customerName"},
                  {CustomerDisplayRole, "customerDisplay"},
                  {SenderLabelRole, "senderLabel"},
                  {SnippetRole, "snippet"},
                  {InboundRole, "inbound"},
                  {SenderNumberRole, "senderNumber"},
                  {SenderDisplayRole, "senderDisplay"},
                  {MatchesRole, "matches"}});
    return names;
}

void SearchResultsModel::search(qint64 accountId, const QString &text)
{
    QList<SearchHit> hits;
    if (accountId != 0 && !text.trimmed().isEmpty()) {
        hits = m_query.contacts(accountId, text, ContactLimit);
        hits += m_query.messages(accountId, text, MessageLimit);
    }
    // A new query replaces every row: a reset is the honest signal here.
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

void SearchResultsModel::clear()
{
    if (m_hits.isEmpty())
        return;
    beginResetModel();
    m_hits.clear();
    endResetModel();
}
