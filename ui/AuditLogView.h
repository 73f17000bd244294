// A read-only list of an account's recent audit entries about one kind of subject (keyword
// processes, sender numbers): when, who, what changed and the details recorded with it.
#pragma once

#include <QWidget>

class QTableWidget;
class StoreReader;

class AuditLogView : public QWidget
{
    Q_OBJECT

public:
    // Reads on `reader` (this thread). `subjectType` is audit_log.subject_type, e.g.
    // "keyword_process".
    AuditLogView(const StoreReader &reader, qint64 accountId, const QString &subjectType,
                 const QString &title, QWidget *parent = nullptr);

    void reload();

    // "keyword_process.create" → "Created"; unknown actions are shown as stored.
    static QString actionName(const QString &action);

private:
    const StoreReader &m_reader;
    qint64 m_accountId;
    QString m_subjectType;
    QTableWidget *m_table;
};
