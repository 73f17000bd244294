// Admins' view of the account's audit log: who changed numbers, keyword processes,
// confirmation rules and consent by hand, and when.
#pragma once

#include <QWidget>

class AuditLogModel;
class QComboBox;
class QLabel;
class QTableView;
class StoreReader;

class AuditLogPage : public QWidget
{
    Q_OBJECT

public:
    AuditLogPage(const StoreReader &reader, qint64 accountId, QWidget *parent = nullptr);

    AuditLogModel *model() const { return m_model; }

public Q_SLOTS:
    void reload();

protected:
    // Changes made on other screens (an unsubscribe in the inbox) show when the page does.
    void showEvent(QShowEvent *event) override;

private:
    AuditLogModel *m_model;
    QComboBox *m_category;
    QTableView *m_table;
    QLabel *m_error;
};
