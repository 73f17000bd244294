// The account's audit log for admins, newest first, read in pages as the view scrolls.
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        WhenColumn,
        WhoColumn,
        ChangeColumn,
        SubjectColumn,
        DetailsColumn,
        ColumnCount
    };
    enum Role
    {
        ActionRole = Qt::UserRole + 1, // the stored action, e.g. "keyword_process.create"
        OccurredAtRole,                // QDateTime, UTC
    };
    static constexpr int PageSize = 200;

    // db: a reader connection of the caller's thread.
    AuditLogModel(QSqlDatabase db, qint64 accountId, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Only the actions of one category ("sender_number", "keyword_process",
    // "confirmation_rule", "consent"); empty for all. Reloads.
    void setCategory(const QString &category);
    QString category() const { return m_category; }
    // Reads the first page again (after a change elsewhere).
    void reload();
    // Empty unless the last read failed.
    QString errorString() const { return m_error; }

private:
    struct Entry
    {
        qint64 id = 0;
        QDateTime occurredAt;
        QString actor;
        QString action;
        QString subject;
        QString details;
    };
    QList<Entry> readPage(const Entry *after);

    QSqlDatabase m_db;
    qint64 m_accountId;
    QString m_category;
    QList<Entry> m_entries;
    bool m_atEnd = true;
    QString m_error;
};
