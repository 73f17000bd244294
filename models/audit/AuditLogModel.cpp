#include "AuditLogModel.h"

#include "AuditText.h"
#include "StoreLogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

AuditLogModel::AuditLogModel(QSqlDatabase db, qint64 accountId, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(std::move(db))
    , m_accountId(accountId)
{
    reload();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case ActionRole:
        return entry.action;
    case OccurredAtRole:
        return entry.occurredAt;
    case Qt::ToolTipRole:
        return index.column() == DetailsColumn ? QVariant(entry.details) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn:
            return entry.occurredAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case WhoColumn:
            return entry.actor;
        case ChangeColumn:
            return AuditText::action(entry.action);
        case SubjectColumn:
            return entry.subject;
        case DetailsColumn:
            return entry.details;
        }
        break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case WhoColumn:
        return tr("Who");
    case ChangeColumn:
        return tr("Change");
    case SubjectColumn:
        return tr("Subject");
    case DetailsColumn:
        return tr("Details");
    }
    return {};
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_entries.isEmpty())
        return;
    const QList<Entry> page = readPage(&m_entries.constLast());
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + page.size() - 1));
    m_entries.append(page);
    endInsertRows();
}

void AuditLogModel::setCategory(const QString &category)
{
    m_category = category;
    reload();
}

void AuditLogModel::reload()
{
    beginResetModel();
    m_entries = readPage(nullptr);
    endResetModel();
}

QList<AuditLogModel::Entry> AuditLogModel::readPage(const Entry *after)
{
    m_error.clear();
    QList<Entry> page;
    // Keyset paging on (occurred_at, id) along audit_log_by_time; the sender number is joined
    // by id so a number's entries still name it after its label changed.
    // A conversation is named by its customer's number and contact name, a campaign and a
    // template by their names, not by row ids people never see.
    QString sql = u"SELECT a.id, a.occurred_at, a.actor, a.action, a.subject_type, "
                  u"a.subject_id, a.details, n.number, t.customer_number, c.name, cp.name, "
                  u"tp.name, tv.version FROM audit_log a "
                  u"LEFT JOIN sender_numbers n ON a.subject_type = 'sender_number' "
                  u"AND n.id = a.subject_id "
                  u"LEFT JOIN threads t ON a.subject_type = 'thread' AND t.id = a.subject_id "
                  u"LEFT JOIN contacts c ON c.account_id = t.account_id "
                  u"AND c.number = t.customer_number "
                  u"LEFT JOIN campaigns cp ON a.subject_type = 'campaign' AND cp.id = a.subject_id "
                  u"LEFT JOIN template_versions tv ON a.subject_type = 'template_version' "
                  u"AND tv.id = a.subject_id "
                  u"LEFT JOIN templates tp ON tp.id = tv.template_id "
                  u"WHERE a.account_id = ?"_s;
    if (!m_category.isEmpty())
        sql += u" AND a.action >= ? AND a.action < ?"_s;
    if (after)
        sql += u" AND (a.occurred_at < ? OR (a.occurred_at = ? AND a.id < ?))"_s;
    sql += u" ORDER BY a.occurred_at DESC, a.id DESC LIMIT ?"_s;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(m_accountId);
    if (!m_category.isEmpty()) {
        // "category." up to "category/" ('/' follows '.'): the actions of that category only.
        query.addBindValue(QString(m_category + u'.'));
        query.addBindValue(QString(m_category + u'/'));
    }
    if (after) {
        const qint64 at = after->occurredAt.toMSecsSinceEpoch();
        query.addBindValue(at);
        query.addBindValue(at);
        query.addBindValue(after->id);
    }
    query.addBindValue(PageSize);
    if (!query.exec()) {
        m_error = u"cannot read the audit log: "_s + query.lastError().text();
        qCWarning(lcModels) << m_error;
        m_atEnd = true;
        return page;
    }
    while (query.next()) {
        Entry entry;
        entry.id = query.value(0).toLongLong();
        entry.occurredAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
        entry.actor = query.value(2).toString();
        entry.action = query.value(3).toString();
        const QString subjectType = query.value(4).toString();
        const QJsonObject details =
            QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
        QString subjectName = query.value(7).toString();
        if (subjectType == u"thread"_s)
            subjectName =
                AuditText::threadName(query.value(8).toString(), query.value(9).toString());
        else if (subjectType == u"campaign"_s)
            subjectName = query.value(10).toString();
        else if (subjectType == u"template_version"_s && !query.value(11).isNull())
            subjectName = u"%1 v%2"_s.arg(query.value(11).toString(), query.value(12).toString());
        entry.subject =
            AuditText::subject(subjectType, query.value(5).toLongLong(), subjectName, details);
        entry.details = AuditText::details(subjectType, details);
        page.append(entry);
    }
    m_atEnd = page.size() < PageSize;
    return page;
}
