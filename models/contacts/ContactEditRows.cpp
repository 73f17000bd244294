#include "ContactEditRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

ContactEditRows::ContactEditRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString ContactEditRows::save(qint64 accountId, const QString &number, const Fields &fields,
                              const QString &actor)
{
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE contacts SET name = ?, tags = json(?), attributes = json(?), "
              u"time_zone = ?, "
              u"updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) "
              u"WHERE account_id = ? AND number = ?"_s);
    // A null QString binds as NULL; the columns are NOT NULL with '' for "none".
    const auto text = [](const QString &value) { return value.isNull() ? u""_s : value; };
    q.addBindValue(text(fields.name));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(fields.tags)).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(fields.attributes))
                                         .toJson(QJsonDocument::Compact)));
    q.addBindValue(text(fields.timeZone));
    q.addBindValue(accountId);
    q.addBindValue(number);
    if (!q.exec())
        return u"cannot save the contact: "_s + q.lastError().text();
    if (q.numRowsAffected() == 0)
        return u"there is no contact %1 in this account"_s.arg(number);
    return audit(accountId, actor, u"contact.edit"_s, number);
}

QString ContactEditRows::remove(qint64 accountId, const QString &number, const QString &actor)
{
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM contacts WHERE account_id = ? AND number = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(number);
    if (!q.exec())
        return u"cannot delete the contact: "_s + q.lastError().text();
    if (q.numRowsAffected() == 0)
        return u"there is no contact %1 in this account"_s.arg(number);
    return audit(accountId, actor, u"contact.delete"_s, number);
}

QString ContactEditRows::audit(qint64 accountId, const QString &actor, const QString &action,
                               const QString &number)
{
    QSqlQuery q(m_db);
    q.prepare(u"INSERT INTO audit_log (account_id, actor, action, subject_type, details) "
              u"VALUES (?, ?, ?, 'contact', json_object('number', ?))"_s);
    q.addBindValue(accountId);
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(number);
    return q.exec() ? QString() : u"cannot record the change: "_s + q.lastError().text();
}
