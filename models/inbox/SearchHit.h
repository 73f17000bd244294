// One search result: a message that matched, or a customer whose name or number matched.
#pragma once

#include <QList>
#include <QString>

#include <utility>

struct SearchHit
{
    enum class Kind
    {
        Message, // messageId is the matching message
        Contact, // messageId is 0: open the customer's latest thread
    };

    Kind kind = Kind::Message;
    qint64 threadId = 0;
    qint64 messageId = 0;
    qint64 createdAt = 0;    // ms since the epoch; the thread's last message for contacts
    QString customerNumber;  // canonical
    QString customerDisplay; // formatted for people
    QString customerName;    // '' when no contact or no name
    QString senderLabel;     // our number's label
    QString senderNumber;    // our number, canonical
    QString senderDisplay;   // our number, formatted for people
    QString snippet;         // message text around the match; the last preview for contacts
    // Where the search terms are in `snippet`: (start, length) pairs, in order.
    QList<std::pair<int, int>> matches;
    bool inbound = false;

    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};
