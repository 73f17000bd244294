// Puts the team's presence on screen: "Sam is replying…" in the conversation header, a marker
// on the thread's row in the list, who is online in the status bar; and tells the team what
// this desk views and when its agent types. Follows the session's PresenceBoard, which comes
// and goes with the account's team log.
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class ConversationPane;
class DeskSession;
class PresenceBoard;
class SyncStatusWidget;
class ThreadListView;

class PresenceIndicators : public QObject
{
    Q_OBJECT

public:
    PresenceIndicators(DeskSession *session, ConversationPane *conversation, ThreadListView *list,
                       SyncStatusWidget *status, QObject *parent = nullptr);

    // The row marker for a thread: "✎ Sam" (typing), "Sam" (viewing), '' (nobody).
    static QString rowMarker(const QStringList &typing, const QStringList &viewing);

private:
    void attach();
    void refresh();
    QStringList namesIn(const QString &threadKey, bool typing) const;

    DeskSession *m_session;
    ConversationPane *m_conversation;
    ThreadListView *m_list;
    SyncStatusWidget *m_status;
    QPointer<PresenceBoard> m_board;
};
