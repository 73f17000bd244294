#include "NoteTimelineModel.h"

#include "RowSpeech.h"
#include "ThreadMessagesModel.h"

#include <QDateTime>

using namespace Qt::StringLiterals;
using M = ThreadMessagesModel;

NoteTimelineModel::NoteTimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void NoteTimelineModel::setSourceModel(ThreadMessagesModel *source)
{
    beginResetModel();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    m_notes.clear();
    rebuild();
    endResetModel();
    if (m_source)
        connectSource();
}

void NoteTimelineModel::connectSource()
{
    // Without notes the timeline is the messages, row for row: their inserts and removals pass
    // through as such, so the view keeps its place. With notes the rows are laid out anew.
    connect(m_source, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (m_notes.isEmpty())
                    beginInsertRows({}, first, last);
                else
                    beginResetModel();
            });
    connect(m_source, &QAbstractItemModel::rowsInserted, this, [this] {
        const bool plain = m_notes.isEmpty();
        rebuild();
        plain ? endInsertRows() : endResetModel();
    });
    connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) {
                if (m_notes.isEmpty())
                    beginRemoveRows({}, first, last);
                else
                    beginResetModel();
            });
    connect(m_source, &QAbstractItemModel::rowsRemoved, this, [this] {
        const bool plain = m_notes.isEmpty();
        rebuild();
        plain ? endRemoveRows() : endResetModel();
    });
    connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        beginResetModel();
        // Another thread (or none): its notes come with setNotes().
        m_notes.clear();
    });
    connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        endResetModel();
    });
    connect(m_source, &QAbstractItemModel::layoutAboutToBeChanged, this,
            [this] { beginResetModel(); });
    connect(m_source, &QAbstractItemModel::layoutChanged, this, [this] {
        rebuild();
        endResetModel();
    });
    connect(m_source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                   const QList<int> &roles) {
                for (int r = topLeft.row(); r <= bottomRight.row(); ++r) {
                    const int row = rowOfSource(r);
                    if (row >= 0)
                        Q_EMIT dataChanged(index(row), index(row), roles);
                }
            });
}

void NoteTimelineModel::setNotes(const QList<ThreadNoteRows::Note> &notes)
{
    beginResetModel();
    m_notes = notes;
    rebuild();
    endResetModel();
}

void NoteTimelineModel::rebuild()
{
    m_entries.clear();
    m_rowOfSource.clear();
    const int messages = m_source ? m_source->rowCount() : 0;
    // Notes older than the loaded history wait for it (unless all of it is loaded).
    qint64 oldest = std::numeric_limits<qint64>::min();
    if (messages > 0 && m_source->canFetchMore({}))
        oldest = m_source->index(0).data(M::CreatedAtRole).toDateTime().toMSecsSinceEpoch();
    int note = 0;
    while (note < m_notes.size() && m_notes.at(note).createdAt < oldest)
        ++note;
    for (int row = 0; row < messages; ++row) {
        const qint64 at =
            m_source->index(row).data(M::CreatedAtRole).toDateTime().toMSecsSinceEpoch();
        for (; note < m_notes.size() && m_notes.at(note).createdAt < at; ++note)
            m_entries.append({-1, note});
        m_rowOfSource.append(int(m_entries.size()));
        m_entries.append({row, -1});
    }
    for (; note < m_notes.size(); ++note)
        m_entries.append({-1, note});
}

int NoteTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int NoteTimelineModel::rowOfSource(int sourceRow) const
{
    return sourceRow >= 0 && sourceRow < m_rowOfSource.size() ? m_rowOfSource.at(sourceRow) : -1;
}

int NoteTimelineModel::sourceRowAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).source : -1;
}

QVariant NoteTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (role == Qt::AccessibleTextRole) // the bubble painting, in words
        return RowSpeech::message(index);
    if (entry.source >= 0) {
        if (role == NoteRole)
            return false;
        if (role == NoteIdRole)
            return qint64(0);
        return m_source->index(entry.source).data(role);
    }
    const ThreadNoteRows::Note &note = m_notes.at(entry.note);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(note.createdAt, Qt::UTC);
    switch (role) {
    case NoteRole:
        return true;
    case NoteIdRole:
        return note.id;
    case MentionsRole:
        return note.mentions;
    case Qt::DisplayRole:
    case M::BodyRole:
        return note.body;
    case M::AuthorRole:
        return note.author;
    case M::DirectionRole:
        return u"note"_s;
    case M::OutboundRole:
        return false;
    case M::IdRole:
    case M::CampaignIdRole:
        return qint64(0);
    case M::CreatedAtRole:
        return at;
    case M::DayRole:
        return at.toLocalTime().date();
    default:
        return {};
    }
}
