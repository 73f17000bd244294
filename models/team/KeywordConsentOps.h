// A customer's STOP or START texted to a keyword, as the team shares it: every desktop of the
// team syncs the same inbound message and records its consent at once (so none of them texts
// an opted-out customer meanwhile), but the team log carries it once (the desktop that won the
// claim for it appends the op) and every ledger holds exactly one event per inbound message:
// the ledger is deduplicated by the inbound message's sid, whichever came first here (the
// synced message or the team's op).
#pragma once

#include "ConsentEvent.h"
#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class KeywordConsentOps
{
public:
    explicit KeywordConsentOps(QSqlDatabase db);

    // A consent op made from an inbound keyword (source keyword, with the inbound's sid).
    static bool handles(const TeamOp &op);
    // Records the op's event unless the ledger already holds one for its inbound message.
    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op);

    // Whether the ledger holds an event carried by the inbound message `sid`.
    std::optional<bool> recorded(qint64 accountId, const QString &sid);
    // Keyword consent events recorded here from a synced message (not from the team log) at
    // or after `sinceMs`, oldest first: candidates for this desktop to share.
    std::optional<QList<ConsentEvent>> recordedHere(qint64 accountId, qint64 sinceMs, int limit);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
