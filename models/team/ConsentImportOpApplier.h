// Opt-ins imported in bulk (a consent CSV, a contacts import's consent columns) in the team log:
// consent.import carries many opt-in events in fields.events, packed as many as fit a Sync item
// (TeamOpPacker), so an import of 10,000 opt-ins is ~40 items, not 10,000. Short keys keep the
// items few: {n: customer, s: our number ('' or absent: every number), at: ms, src: source
// (absent: import), d: detail, c: opt-in copy}; the maker's name ("by") is each event's actor.
// The ledger appends, and an imported opt-in is one event per (customer, our number, source,
// time): applying an op twice, or on the desktop that imported it, records nothing new.
#pragma once

#include "ConsentEvent.h"
#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class ConsentImportOpApplier
{
public:
    static bool handles(const QString &kind);
    static const QString &kind();

    explicit ConsentImportOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);

    // The opt-ins as packed ops (their actor travels as the op's maker).
    static QList<TeamOp> ops(const QList<ConsentEvent> &optIns);

    QString errorString() const { return m_error; }

private:
    std::optional<TeamOpApplier::Outcome> fail(const QString &message);

    QSqlDatabase m_db;
    QString m_error;
};
