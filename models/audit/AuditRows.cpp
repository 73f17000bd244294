#include "AuditRows.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

AuditRows::AuditRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool AuditRows::append(qint64 accountId, const QString &actor, const QString &action,
                       const QString &subjectType, qint64 subjectId, const QJsonObject &details)
{
    m_error.clear();
    if (actor.trimmed().isEmpty()) {
        m_error = u"an audit entry needs who made the change"_s;
        return false;
    }
    if (action.isEmpty()) {
        m_error = u"an audit entry needs the action"_s;
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO audit_log (account_id, actor, action, subject_type, subject_id, "
                  u"details, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(accountId > 0 ? QVariant(accountId) : QVariant());
    query.addBindValue(actor);
    query.addBindValue(action);
    query.addBindValue(subjectType.isNull() ? u""_s : subjectType);
    query.addBindValue(subjectId > 0 ? QVariant(subjectId) : QVariant());
    query.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        m_error = u"cannot write the audit log: "_s + query.lastError().text();
        return false;
    }
    return true;
}

QList<AuditRows::Entry> AuditRows::recent(qint64 accountId, int limit)
{
    return select(accountId, QString(), limit);
}

QList<AuditRows::Entry> AuditRows::recentAbout(qint64 accountId, const QString &subjectType,
                                               int limit)
{
    return select(accountId, subjectType.isNull() ? u""_s : subjectType, limit);
}

QList<AuditRows::Entry> AuditRows::select(qint64 accountId, const QString &subjectType, int limit)
{
    m_error.clear();
    QList<Entry> entries;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // A null subjectType binds as NULL: every subject.
    query.prepare(u"SELECT account_id, actor, action, subject_type, subject_id, details, "
                  u"occurred_at FROM audit_log WHERE account_id = ? "
                  u"AND (? IS NULL OR subject_type = ?) "
                  u"ORDER BY occurred_at DESC, id DESC LIMIT ?"_s);
    query.addBindValue(accountId);
    query.addBindValue(subjectType);
    query.addBindValue(subjectType);
    query.addBindValue(limit);
    if (!query.exec()) {
        m_error = u"cannot read the audit log: "_s + query.lastError().text();
        return entries;
    }
    while (query.next()) {
        Entry entry;
        entry.accountId = query.value(0).toLongLong();
        entry.actor = query.value(1).toString();
        entry.action = query.value(2).toString();
        entry.subjectType = query.value(3).toString();
        entry.subjectId = query.value(4).toLongLong();
        entry.details = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        entry.occurredAtMs = query.value(6).toLongLong();
        entries.append(entry);
    }
    return entries;
}
