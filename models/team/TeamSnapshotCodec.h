// A snapshot of the team log as Sync items: the compacted ops (TeamCompactionRows), as one
// compressed JSON array cut into parts that each fit Sync's 16 KiB per item. A new desktop
// reads the parts, joins them and applies the ops instead of replaying years of log.
#pragma once

#include "TeamLogWriter.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class TeamSnapshotCodec
{
public:
    // Characters of compressed data per part: the part's JSON stays under 16 KiB.
    static constexpr qsizetype PartChars = 16000;

    static QList<QJsonObject> encode(const QList<TeamLogWriter::LogItem> &entries);
    // nullopt with `error` when a part is missing, repeated or unreadable.
    static std::optional<QList<TeamLogWriter::LogItem>> decode(const QList<QJsonObject> &parts,
                                                               QString *error);
};
