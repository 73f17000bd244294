// What the desktop shows for new messages: one message, or a digest of several.
#pragma once

#include <QString>

struct Notification
{
    enum class Kind
    {
        Single,
        Digest,
    };

    Kind kind = Kind::Single;
    qint64 threadId = 0;  // the thread a click opens; for a digest, the most recent one
    qint64 messageId = 0; // Single: the message; Digest: the most recent message
    int messageCount = 1;
    int threadCount = 1;
    QString title;
    QString body;

    friend bool operator==(const Notification &, const Notification &) = default;
};
