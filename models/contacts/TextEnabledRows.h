// Whether customer numbers can receive texts: which numbers still need a Lookup, and what a
// Lookup answer or a delivery error says about them (the contacts' text_enabled columns).
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class TextEnabledRows
{
public:
    explicit TextEnabledRows(QSqlDatabase db);

    // yes for mobile, no for landline, unknown for everything else: a line type is not an
    // "SMS capable" flag (VoIP may or may not take texts until a reply or delivery proves it).
    static QString textEnabledFor(const QString &lineType);

    // Customer numbers of the account's threads with no verdict yet, or whose Lookup verdict
    // is older than `ttlMs`. Verdicts from replies, delivery errors or agents are kept.
    QStringList numbersNeedingLookup(qint64 accountId, qint64 nowMs, qint64 ttlMs, int limit);

    bool markChecking(qint64 accountId, const QString &number, qint64 nowMs);
    bool recordLookup(qint64 accountId, const QString &number, const QString &lineType,
                      qint64 nowMs);
    // A Lookup that failed for good: back to unknown so a later scan may try again.
    bool clearChecking(qint64 accountId, const QString &number, qint64 nowMs);
    // Error 30006 (landline or unreachable carrier) on an outbound message marks its
    // recipient not text-enabled. Returns how many contacts changed, -1 on failure.
    int markUndeliverable(qint64 accountId, qint64 nowMs);

    // The account's threads with this customer, whose rows show the verdict.
    QList<qint64> threadsOf(qint64 accountId, const QString &number);

    QString errorString() const { return m_error; }

private:
    bool upsert(qint64 accountId, const QString &number, const QString &textEnabled,
                const QString &lineType, const QString &source, qint64 checkedAt, qint64 nowMs);

    QSqlDatabase m_db;
    QString m_error;
};
