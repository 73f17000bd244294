// One conversation: header, the thread's messages and the composer, for the thread the agent
// opened. Reads through the store's reader it is given and follows the change feed; drafts and
// canned replies are written through InboxCommands, internal notes through TeamCommands (the
// composer's note mode). Sending itself is the caller's: it listens to sendRequested.
#pragma once

#include "ConversationQuery.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>

#include <optional>

class ChangeFeed;
class ChangeSet;
class Composer;
class ConversationHeader;
class InboxCommands;
class StoreReader;
class TeamCommands;
class ThreadMessagesModel;
class ThreadView;

class ConversationPane : public QWidget
{
    Q_OBJECT

public:
    // reader: the store's reader of this (GUI) thread; changes: the store's change feed;
    // commands: writes drafts and canned replies as the signed-in agent. None is owned; all
    // must outlive the pane (it saves the draft when it goes).
    ConversationPane(const StoreReader &reader, ChangeFeed *changes, InboxCommands *commands,
                     qint64 accountId, QWidget *parent = nullptr);
    ~ConversationPane() override;

    // Saves the current thread's draft, then shows threadId (0: nothing) with its draft.
    void openThread(qint64 threadId);
    qint64 threadId() const { return m_threadId; }
    // Shows this message of the open thread (a search hit): older history is read until it
    // is there, then it is scrolled into view and highlighted. False when it is not the open
    // thread's.
    bool showMessage(qint64 messageId);
    // Another account: saves the draft, closes the thread and reloads the canned replies.
    // A thread of another account never opens (openThread shows nothing for it).
    void setAccount(qint64 accountId);
    qint64 accountId() const { return m_accountId; }

    // Where internal notes are written (not owned; null: the composer offers no note mode).
    void setTeamCommands(TeamCommands *team);

    // A send the outbox refused: says why, and puts the text back if nothing new was typed.
    void showSendError(const QString &error);
    // Re-reads consent and text-enabled status (also done on every threadsChanged).
    void refreshSendability();

    ConversationHeader *header() const { return m_header; }
    ThreadView *threadView() const { return m_view; }
    Composer *composer() const { return m_composer; }
    ThreadMessagesModel *messagesModel() const { return m_model; }

    // How long after the last keystroke a draft is saved.
    static constexpr int DraftSaveDelayMs = 600;
    // Tests and screenshots pin the clock for day labels.
    void setNow(const QDateTime &now);

Q_SIGNALS:
    void sendRequested(qint64 threadId, const QString &body);
    void retryRequested(qint64 messageId);
    void threadRequested(qint64 threadId);
    // "Send later…" and the scheduled message's Edit and Cancel.
    void sendLaterRequested(qint64 threadId, const QString &body);
    void editScheduledRequested(qint64 messageId);
    void cancelScheduledRequested(qint64 messageId);

private:
    void saveDraft();
    void reloadHeader();
    void reloadCannedReplies();
    void saveCannedReply(const QString &name, const QString &body);
    void onStoreChanged(const ChangeSet &changes);
    void reloadNotes();
    void addNote(const QString &body);

    const StoreReader &m_reader;
    InboxCommands *m_commands;
    TeamCommands *m_team = nullptr;
    qint64 m_accountId;
    qint64 m_threadId = 0;
    std::optional<ConversationQuery::Header> m_facts;
    ThreadMessagesModel *m_model;
    ConversationHeader *m_header;
    ThreadView *m_view;
    Composer *m_composer;
    QTimer m_draftTimer;
    bool m_draftDirty = false;
    // Drafts saved in this session, so reopening a thread never races its pending write.
    QHash<qint64, QString> m_savedDrafts;
    QString m_lastSent;
};
