// The tray's picture: the app icon with the unread count drawn on it, and its tooltip.
#pragma once

#include <QIcon>
#include <QString>

namespace TrayBadge {

constexpr int Size = 64;
constexpr int MaxShown = 99; // more shows as "99+"

// The app icon (resources/icons/smsdesk.svg) with a red count badge in its top-right corner;
// the plain icon when count is 0.
QIcon icon(int count);
// "SMS Desk — 12 unread"; "SMS Desk — no unread messages" for 0.
QString toolTip(int count);
// "7", "99+".
QString badgeText(int count);

} // namespace TrayBadge
