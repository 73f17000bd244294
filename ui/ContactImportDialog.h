// Imports contacts from a CSV file: pick the file, check the column mapping against a
// preview, run the import on the store's writer thread with a progress bar, list bad rows.
#pragma once

#include "ContactImport.h"
#include "CsvTable.h"

#include <QDialog>

class ContactCommands;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class StoreWriter;

class ContactImportDialog : public QDialog
{
    Q_OBJECT

public:
    // The import goes through ContactCommands on `writer` (not owned) for the account.
    ContactImportDialog(StoreWriter *writer, qint64 accountId, QString me,
                        QWidget *parent = nullptr);

    // Reads the file's header and first rows and guesses the mapping (the file picker calls
    // it); the import itself streams the file on the writer's thread.
    bool openFile(const QString &path);
    // The mapping as the table shows it.
    QList<ContactImport::Column> mapping() const;
    const ContactImport::Result &lastResult() const { return m_result; }

Q_SIGNALS:
    // After each run: written or refused (then result.errors or result.error say why).
    void importFinished(const ContactImport::Result &result);

private:
    void chooseFile();
    void fillMapping();
    void fillPreview();
    void startImport(bool importValidRows);
    void showResult(const ContactImport::Result &result, bool importValidRows);
    void setBusy(bool busy);

    ContactCommands *m_commands;
    qint64 m_accountId;
    QString m_me;
    CsvTable m_table;
    ContactImport::Result m_result;

    QLineEdit *m_path;
    QTableWidget *m_mapping;
    QTableWidget *m_preview;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_errors;
    QPushButton *m_import;
    QPushButton *m_importValid;
    QPushButton *m_choose;
};
