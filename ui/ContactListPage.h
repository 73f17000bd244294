// The Contacts tab: the account's contacts in a table fetched a page at a time as it scrolls,
// a search box (name, number or tag), sortable headers, and the contact editor on Edit or a
// double click. Edit and delete go through ContactEditCommands; RoleGate disables them for
// an agent (the editor then opens read only).
#pragma once

#include <QWidget>

class ContactEditCommands;
class ContactListModel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class StoreReader;
class StoreWriter;

class ContactListPage : public QWidget
{
    Q_OBJECT

public:
    ContactListPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                    const QString &actor, QWidget *parent = nullptr);

    ContactListModel *model() const { return m_model; }
    // Opens the editor of the selected contact; it is returned (nullptr when none is chosen).
    QWidget *editSelected();
    // Re-reads the list (after an import, say).
    void reload();

private:
    void updateCount();

    const StoreReader &m_reader;
    qint64 m_accountId;
    ContactEditCommands *m_commands;
    ContactListModel *m_model;
    QLineEdit *m_search;
    QTableView *m_table;
    QLabel *m_count;
    QPushButton *m_edit;
};
