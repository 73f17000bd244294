// One contact from the Contacts list: its name, tags, attributes and time zone to edit, its
// consent history (read only: a compliance ledger), its timeline across every thread with any
// of our numbers, and Delete after a confirmation saying what stays. Saves and deletes through
// ContactEditCommands; the answer closes the dialog or shows why not.
#pragma once

#include <QDialog>

class ContactEditCommands;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;
class StoreReader;

class ContactEditorDialog : public QDialog
{
    Q_OBJECT

public:
    // `commands` is not owned and must outlive the dialog. `mayEdit` false shows the contact
    // read only (the desktop's team role may not change contacts).
    ContactEditorDialog(const StoreReader &reader, ContactEditCommands *commands, qint64 accountId,
                        const QString &number, bool mayEdit, QWidget *parent = nullptr);

Q_SIGNALS:
    void saved();
    void deleted();

private:
    void load();
    void save();
    void confirmDelete();
    void showError(const QString &error);

    const StoreReader &m_reader;
    ContactEditCommands *m_commands;
    qint64 m_accountId;
    QString m_number;
    QLineEdit *m_name;
    QLineEdit *m_tags;
    QTableWidget *m_attributes;
    QComboBox *m_timeZone;
    QListWidget *m_consent;
    QListWidget *m_timeline;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_delete;
};
