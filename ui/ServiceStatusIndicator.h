// Whether the team's always-on service (`smsdesk-cli serve`) is live and which duties it does,
// from the services' items in the presence map: a short label for the status bar ("Service
// live on host-x") or the Team page's full line ("Service on host-x live since 10:42: keyword
// replies, campaigns" / "No service running: this desktop answers keywords while it is
// open"). Hidden while the desktop is not in a team. Follows the session's PresenceBoard,
// which comes and goes with the account's team log.
#pragma once

#include <QLabel>
#include <QPointer>

class DeskSession;
class PresenceBoard;

class ServiceStatusIndicator : public QLabel
{
    Q_OBJECT

public:
    enum class Style
    {
        StatusBar, // short text, the full line as tooltip
        TeamPage,  // the full line
    };

    ServiceStatusIndicator(DeskSession *session, Style style, QWidget *parent = nullptr);

private:
    void attach();
    void refresh();

    DeskSession *m_session;
    Style m_style;
    QPointer<PresenceBoard> m_board;
};
