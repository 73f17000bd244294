// One change a person made, as the team log carries it: who, from which desktop, what kind of
// change, on what, with which values. Small (well under Sync's 16 KiB per item); bulk changes
// carry many targets in `fields`.
#pragma once

#include "ConsentEvent.h"

#include <QJsonObject>
#include <QString>

#include <optional>

struct TeamOp
{
    QString id;     // UUID, unique per op: a desktop recognises its own ops coming back
    QString agent;  // roster id of the person
    QString desk;   // the desktop (profile) that made it
    qint64 at = 0;  // ms since the epoch, the maker's clock (display only; order is the log's)
    QString kind;   // "thread.resolve", "consent.opt_out", "note.add", ...
    QString target; // what it is about, e.g. "+14155550177|+14155550100" (customer|our number)
    QJsonObject fields;

    QJsonObject toJson() const;
    // nullopt when a required member is missing or of the wrong type (an op from a newer or
    // broken desktop is skipped, never half-applied).
    static std::optional<TeamOp> fromJson(const QJsonObject &json);

    // The size of the op as a Sync item's Data, in bytes of compact JSON.
    qsizetype encodedSize() const;
    static constexpr qsizetype MaxItemBytes = 16 * 1024;

    // A consent event as an op (consent.opt_out / consent.opt_in) and back; the op's id is the
    // caller's to set.
    static TeamOp consent(const ConsentEvent &event);
    static ConsentEvent consentEvent(const TeamOp &op);

    static QString threadTarget(const QString &customer, const QString &ourNumber);
    // customer and our number of a thread target; false when the target is not one.
    static bool splitThreadTarget(const QString &target, QString *customer, QString *ourNumber);
};
