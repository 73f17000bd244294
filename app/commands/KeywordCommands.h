// What an admin does to keyword processes and opt-out confirmation rules: create or edit a
// process, start, pause or delete it, and set a country's confirmation rule. Called the same
// way by the Keywords screen and the CLI; every answer comes asynchronously. When the account
// has joined a team here, each change is also queued for the team log in the same transaction
// (TeamShare: keyword.put / keyword.state / keyword.delete, rule.put).
#pragma once

#include "AdminCommandBase.h"
#include "ConfirmationRule.h"
#include "KeywordProcessLifecycle.h"
#include "KeywordProcessRows.h"

class KeywordCommands : public AdminCommandBase
{
    Q_OBJECT

public:
    // Acts on the account `accountId` for `actor` (the audit log's and team log's who).
    KeywordCommands(StoreWriter *writer, qint64 accountId, const QString &actor,
                    QObject *parent = nullptr);

    // Creates the process (row.process.id 0) or saves an edit of it; the answer carries its
    // id. Refused, naming the problem, for a keyword that is not one word of letters, a
    // second Unsubscribe or Help process on the number, a missing reply...
    void save(const KeywordProcessRows::Row &row, Done done);
    void start(qint64 processId, Done done);
    void pause(qint64 processId, Done done);
    void remove(qint64 processId, Done done);

    // The opt-out confirmation rule of `countryCode` (ISO 3166 alpha-2) for the account.
    void setConfirmationRule(const QString &countryCode, ConfirmationRule::Rule rule, Done done);

    // The first keyword as typed that is not one word of letters (checked without the store);
    // empty when none. A missing keyword is the repository's to name, with the process's others.
    static QString keywordProblem(const QStringList &keywords);

private:
    void apply(qint64 processId, KeywordProcessLifecycle::Action action, const QString &command,
               Done done);
};
