// Hand-made consent changes, the one door for them: an agent unsubscribes a customer (with
// the reason) or re-subscribes one (with the source and the evidence of consent). Each command
// validates, records the consent event and its audit row through the StoreWriter, and answers
// asynchronously; views follow the change feed.
//
// The seam for the team log: every command is described as an InboxChange before it writes
// and goes through run(); finish() emits committed(change) once it is committed.
#pragma once

#include "CommandCaller.h"
#include "CommandResult.h"
#include "ConsentEvent.h"
#include "InboxChange.h"

#include <QObject>
#include <QString>

#include <functional>

class StoreWriter;

class ConsentCommands : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(CommandResult)>;

    // writer: the profile's (not owned); actor: the signed-in agent, recorded as the one who
    // made each change.
    ConsentCommands(StoreWriter *writer, const QString &actor, QObject *parent = nullptr);

    QString actor() const { return m_actor; }
    // The agent joined the team under a roster name: later changes are theirs.
    void setActor(const QString &actor) { m_actor = actor; }

    // senderNumber: the account's number it concerns, '' for all of them. Refused without a
    // reason. Answers `done` (may be empty) unless `context` (may be null) is gone.
    void unsubscribe(qint64 accountId, const QString &customerNumber, const QString &senderNumber,
                     const QString &reason, QObject *context, Done done);
    // source: form, import or agent (the customer asked an agent); evidence: what they filled
    // in, said, or where the import came from. Refused without it.
    void resubscribe(qint64 accountId, const QString &customerNumber, const QString &senderNumber,
                     ConsentEvent::Source source, const QString &evidence, QObject *context,
                     Done done);

Q_SIGNALS:
    // A consent change was committed (for the team log; views follow the change feed).
    void committed(const InboxChange &change);

private:
    // The one path of every write: validates the event, records it on the writer thread,
    // then answers through finish().
    void run(qint64 accountId, const ConsentEvent &event, const CommandCaller &caller, Done done);
    // The one place a committed change is announced; true when the caller may be answered.
    bool finish(const InboxChange &change, const CommandResult &result,
                const CommandCaller &caller);
    ConsentEvent consentEvent(ConsentEvent::Kind kind, const QString &customerNumber,
                              const QString &senderNumber, ConsentEvent::Source source,
                              const QString &detail) const;

    StoreWriter *m_writer;
    QString m_actor;
};
