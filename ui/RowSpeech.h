// What a screen reader says for one row of the custom-painted lists (Qt::AccessibleTextRole):
// the delegates paint names, pills and bubbles that no accessibility tool can read, so each
// row also answers one sentence holding what the painting shows.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QModelIndex>
#include <QString>

class RowSpeech
{
    Q_DECLARE_TR_FUNCTIONS(RowSpeech)

public:
    // A ThreadListModel row: "Ana Lima, +1 415-555-2001, via Support (+1 415-555-0100),
    // 2 unread, flagged, assigned to sam, last message 10/1/26 9:50 AM: See you then".
    static QString thread(const QModelIndex &index);
    // A thread timeline row (message or internal note): "Received 10/1/26 9:00 AM: Hello",
    // "Sent by sam, 10/1/26 9:10 AM, Delivered: Hello", "Internal note by sam …: text".
    static QString message(const QModelIndex &index);
    // The locale's short date and time, without seconds: "10/1/26 9:50 AM".
    static QString when(const QDateTime &at);
};
