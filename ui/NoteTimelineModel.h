// A thread's timeline as the conversation shows it: its messages (a ThreadMessagesModel) with
// the team's internal notes put among them in time order. A note older than the oldest loaded
// message waits until that history is loaded, so notes never pile up above a partial history.
// Answers the messages' roles for message rows; note rows answer NoteRole and the roles the
// bubble delegate reads (body, author, time, day). Never fetches by itself (the view fetches
// older history when scrolled to the top).
#pragma once

#include "ThreadNoteRows.h"

#include <QAbstractListModel>
#include <QList>

class ThreadMessagesModel;

class NoteTimelineModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        NoteRole = Qt::UserRole + 64, // bool: an internal note, not an SMS
        NoteIdRole,                   // qint64, 0 for messages
        MentionsRole,                 // QStringList of roster names
    };

    explicit NoteTimelineModel(QObject *parent = nullptr);

    // source is not owned; its rows are the timeline's messages.
    void setSourceModel(ThreadMessagesModel *source);
    // The open thread's notes, oldest first (replaces the ones shown).
    void setNotes(const QList<ThreadNoteRows::Note> &notes);
    int noteCount() const { return int(m_notes.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override {}

    // The timeline row of a message row of the source (-1 when none), and back.
    int rowOfSource(int sourceRow) const;
    int sourceRowAt(int row) const;

private:
    struct Entry
    {
        int source = -1; // a message row of the source, or
        int note = -1;   // an index into m_notes
    };
    void rebuild();
    void connectSource();

    ThreadMessagesModel *m_source = nullptr;
    QList<ThreadNoteRows::Note> m_notes;
    QList<Entry> m_entries;
    QList<int> m_rowOfSource;
};
