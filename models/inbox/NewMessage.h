// One new inbound message as a desktop notification needs it: who wrote, to which of our
// numbers, what it says, and who owns the thread.
#pragma once

#include <QString>

struct NewMessage
{
    qint64 id = 0;
    qint64 threadId = 0;
    qint64 accountId = 0;
    QString customer;     // the contact's name, else the number formatted for people
    QString sender;       // our number's label, else our number formatted
    QString preview;      // the body on one line, shortened
    QString assignee;     // the thread's assignee; '' when unassigned
    qint64 createdAt = 0; // ms since the epoch, UTC

    friend bool operator==(const NewMessage &, const NewMessage &) = default;
};
