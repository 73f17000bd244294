#include "ServiceStatusIndicator.h"

#include "DeskSession.h"
#include "PresenceBoard.h"
#include "ServiceBeacon.h"

ServiceStatusIndicator::ServiceStatusIndicator(DeskSession *session, Style style, QWidget *parent)
    : QLabel(parent)
    , m_session(session)
    , m_style(style)
{
    setObjectName(style == Style::StatusBar ? QStringLiteral("serviceStatus")
                                            : QStringLiteral("serviceLine"));
    setWordWrap(style == Style::TeamPage);
    connect(session, &DeskSession::teamLogStarted, this, &ServiceStatusIndicator::attach);
    connect(session, &DeskSession::accountClosing, this, [this] {
        m_board.clear();
        refresh();
    });
    attach(); // the team log may have started before this widget
    refresh();
}

void ServiceStatusIndicator::attach()
{
    PresenceBoard *board = m_session->presence();
    if (!board || board == m_board)
        return;
    m_board = board;
    connect(board, &PresenceBoard::changed, this, &ServiceStatusIndicator::refresh);
    refresh();
}

void ServiceStatusIndicator::refresh()
{
    // Not in a team: nothing to say, the desktop does every duty itself as it always did.
    setVisible(m_board != nullptr);
    if (!m_board) {
        clear();
        return;
    }
    const QList<ServiceBeacon> live = m_board->services();
    const QString line = ServiceBeacon::statusLine(live);
    setText(m_style == Style::StatusBar ? ServiceBeacon::shortText(live) : line);
    setToolTip(line);
}
