// Bulk changes (an import of 10,000 contacts or opt-ins) as few team log items: the entries are
// packed into as few ops of one kind as fit Sync's 16 KiB per item, instead of one op each
// (10,000 appends would take the team's list most of ten minutes at its write budget).
#pragma once

#include "TeamOp.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <utility>

class TeamOpPacker
{
public:
    // What one packed op may take before TeamShare adds its id, agent, desk, time and the
    // maker's name: those take under 300 bytes, the rest is headroom.
    static constexpr qsizetype Budget = TeamOp::MaxItemBytes - 1024;

    // Ops of `kind` whose fields[key] is an object of the entries (name -> value), in order;
    // each op's target is its first entry's name. An entry too large for an op of its own is
    // still packed alone (TeamShare then refuses the change as too large).
    static QList<TeamOp> packObject(const QString &kind, const QString &key,
                                    const QList<std::pair<QString, QJsonValue>> &entries,
                                    qsizetype budget = Budget);
    // The same with fields[key] an array of the entries; each op's target is `target`.
    static QList<TeamOp> packArray(const QString &kind, const QString &target, const QString &key,
                                   const QJsonArray &entries, qsizetype budget = Budget);

    // Bytes `value` takes in compact JSON.
    static qsizetype encodedSize(const QJsonValue &value);
};
