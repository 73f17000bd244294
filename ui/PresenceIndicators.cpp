#include "PresenceIndicators.h"

#include "Composer.h"
#include "ConversationHeader.h"
#include "ConversationPane.h"
#include "DeskSession.h"
#include "PresenceBoard.h"
#include "SyncStatusWidget.h"
#include "ThreadListDelegate.h"
#include "ThreadListView.h"

using namespace Qt::StringLiterals;

namespace {

QString displayName(const PresenceBoard::Entry &entry)
{
    return entry.agentName.isEmpty() ? PresenceIndicators::tr("A teammate") : entry.agentName;
}

} // namespace

PresenceIndicators::PresenceIndicators(DeskSession *session, ConversationPane *conversation,
                                       ThreadListView *list, SyncStatusWidget *status,
                                       QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_conversation(conversation)
    , m_list(list)
    , m_status(status)
{
    connect(session, &DeskSession::teamLogStarted, this, &PresenceIndicators::attach);
    connect(session, &DeskSession::accountClosing, this, [this] {
        m_board.clear();
        refresh();
    });
    connect(conversation->header(), &ConversationHeader::threadKeyChanged, this,
            [this](const QString &key) {
                if (m_board)
                    m_board->setViewing(key);
                refresh();
            });
    connect(conversation->composer(), &Composer::edited, this, [this] {
        if (m_board)
            m_board->noteTyping();
    });
    connect(conversation, &ConversationPane::sendRequested, this, [this] {
        if (m_board)
            m_board->stopTyping();
    });
    list->delegate()->setPresenceLookup(
        [this](const QString &key) { return rowMarker(namesIn(key, true), namesIn(key, false)); });
    attach(); // the team log may have started before the window
}

QString PresenceIndicators::rowMarker(const QStringList &typing, const QStringList &viewing)
{
    if (!typing.isEmpty())
        return u"\u270e "_s + typing.join(u", "_s);
    return viewing.join(u", "_s);
}

void PresenceIndicators::attach()
{
    PresenceBoard *board = m_session->presence();
    if (!board || board == m_board)
        return;
    m_board = board;
    connect(board, &PresenceBoard::changed, this, &PresenceIndicators::refresh);
    board->setViewing(m_conversation->header()->threadKey());
    refresh();
}

QStringList PresenceIndicators::namesIn(const QString &threadKey, bool typing) const
{
    QStringList names;
    if (!m_board)
        return names;
    // An agent typing on one desk and viewing on another counts as typing.
    const QStringList typers = typing ? QStringList() : namesIn(threadKey, true);
    for (const PresenceBoard::Entry &entry : m_board->inThread(threadKey)) {
        const QString name = displayName(entry);
        if (entry.typing == typing && !names.contains(name) && !typers.contains(name))
            names.append(name);
    }
    return names;
}

void PresenceIndicators::refresh()
{
    const QString key = m_conversation->header()->threadKey();
    m_conversation->header()->setPresence(namesIn(key, true), namesIn(key, false));
    QStringList online;
    if (m_board) {
        for (const PresenceBoard::Entry &entry : m_board->others()) {
            if (!online.contains(displayName(entry)))
                online.append(displayName(entry));
        }
    }
    m_status->setTeamOnline(online);
    m_list->viewport()->update();
}
