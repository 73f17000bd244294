// One line of the agents' thread list: a thread with its sender number and contact joined in.
#pragma once

#include <QString>

struct ThreadRow
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString customerNumber;   // canonical (E.164 or short-code digits)
    QString customerDisplay;  // formatted for people, e.g. "+1 415-555-0134"
    QString customerName;     // the contact's name; '' when no contact or no name
    QString senderLabel;      // our number's label, e.g. "Support"; may be ''
    QString senderNumber;     // our number, canonical
    QString senderDisplay;    // our number, formatted
    QString preview;          // the last message's preview
    qint64 lastMessageAt = 0; // ms since the epoch, UTC
    int unreadCount = 0;
    QString status; // "open" or "resolved"
    bool flagged = false;
    QString assignee;        // '' when unassigned
    QString textEnabled;     // "unknown", "checking", "yes", "no"
    qint64 snoozedUntil = 0; // ms since the epoch; 0 when never snoozed (may be in the past)

    friend bool operator==(const ThreadRow &, const ThreadRow &) = default;
};
