// What one inbox or consent command is about to change, described before anything is written.
// Each command service builds one for every command and hands it, with the write, to its one
// private run() path: that is where the team log (a later issue) records what people did.
#pragma once

#include <QMetaType>
#include <QString>
#include <QVariantMap>

struct InboxChange
{
    // What was done, with the audit_log action names where there are some: "thread.resolve",
    // "thread.assign", "draft.save", "consent.opt_out", "message.queue"...
    QString kind;
    qint64 accountId = 0;
    // What it was done to: "thread", "message", "draft", "canned_reply", "contact".
    QString subjectType;
    // Its id, or for a contact its number.
    QString subject;
    // The new values ("assignee", "until", "reason"...), as the team would want to read them.
    QVariantMap fields;
};

Q_DECLARE_METATYPE(InboxChange)
