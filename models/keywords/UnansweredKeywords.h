// Keyword replies that came too late: a reply to an inbound HELP (or any keyword) older than
// the reply window is never sent, days late, to a customer who has moved on; it is recorded
// as unanswered and shown to agents instead, never dropped silently. The thread gets a system
// note ("HELP received 26 h ago was not answered automatically (older than 24 h)", author
// "SMS Desk", among the thread's notes, not sent to the customer), the queued reply (if any) is
// marked blocked with the same words, and the account's count of them is one query away.
#pragma once

#include "OutboxRows.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

class UnansweredKeywords
{
public:
    static inline const QString Author = QStringLiteral("SMS Desk");

    explicit UnansweredKeywords(QSqlDatabase db);

    // "HELP received 26 h ago was not answered automatically (older than 24 h)".
    static QString line(const QString &keyword, qint64 ageMs, qint64 windowMs);

    // The thread's system note for the inbound message (once per inbound message).
    bool record(qint64 threadId, qint64 inboundMessageId, const QString &text, qint64 nowMs);

    // Before a keyword reply is posted: '' when its inbound is within `windowMs` (or is not in
    // this profile), else the reply is marked blocked and the note written (one transaction),
    // and the line is returned. nullopt on an error (errorString()).
    std::optional<QString> settleIfStale(const OutboxRow &reply, qint64 windowMs, qint64 nowMs);

    // Seen first when already too old (every desktop was closed): noted unless the thread
    // shows an outbound message since (a teammate answered it back then). Returns the line,
    // or '' when nothing was noted; nullopt on an error.
    std::optional<QString> noteIfUnanswered(qint64 threadId, qint64 inboundMessageId,
                                            qint64 inboundAtMs, const QString &keyword,
                                            qint64 windowMs, qint64 nowMs);
    // Only inbound messages this recent are noted when first seen too old: a desktop syncing
    // a long history does not flood its threads with last year's keywords.
    static constexpr qint64 NoteHorizonMs = 7LL * 24 * 3600 * 1000;

    // The account's keywords left unanswered that way.
    std::optional<qint64> count(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
