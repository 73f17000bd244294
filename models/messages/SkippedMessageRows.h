// The provider messages kept aside by syncs (table skipped_provider_messages, 0014): written
// in the same transaction as the page they came with, forgotten once a later page stores them.
#pragma once

#include "SkippedMessage.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class SkippedMessageRows
{
public:
    explicit SkippedMessageRows(QSqlDatabase db);

    // Records each message (again: the reason and detail are refreshed, times_seen grows).
    bool keepAside(qint64 accountId, const QList<SkippedMessage> &messages, qint64 nowMs);
    // These sids were stored after all: they are no longer kept aside.
    bool forget(qint64 accountId, const QStringList &sids);
    std::optional<QList<SkippedMessage>> list(qint64 accountId);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
