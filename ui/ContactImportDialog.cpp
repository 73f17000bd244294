#include "ContactImportDialog.h"

#include "ContactCommands.h"
#include "CsvReader.h"
#include "StoreWriter.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Field = ContactImport::Column::Field;

namespace {

constexpr int PreviewRows = 5;
constexpr int MaxListedErrors = 1000;

QTableWidget *table(const QString &name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return t;
}

} // namespace

ContactImportDialog::ContactImportDialog(StoreWriter *writer, qint64 accountId, QString me,
                                         QWidget *parent)
    : QDialog(parent)
    , m_commands(new ContactCommands(writer, accountId, me, this))
    , m_accountId(accountId)
    , m_me(std::move(me))
    , m_path(new QLineEdit)
    , m_mapping(table(u"mappingTable"_s, {tr("Column"), tr("Import as"), tr("First row")}))
    , m_preview(table(u"previewTable"_s, {}))
    , m_progress(new QProgressBar)
    , m_status(new QLabel)
    , m_errors(table(u"errorTable"_s, {tr("Row"), tr("Column"), tr("Problem")}))
    , m_import(new QPushButton(tr("Import")))
    , m_importValid(new QPushButton)
    , m_choose(new QPushButton(tr("Choose file…")))
{
    setObjectName(u"contactImportDialog"_s);
    setWindowTitle(tr("Import contacts"));
    m_path->setObjectName(u"filePath"_s);
    m_path->setAccessibleName(tr("CSV file"));
    m_mapping->setAccessibleName(tr("Columns"));
    m_preview->setAccessibleName(tr("Preview"));
    m_errors->setAccessibleName(tr("Rows that cannot be imported"));
    m_path->setReadOnly(true);
    m_path->setPlaceholderText(tr("A CSV file with a header row"));
    m_progress->setObjectName(u"progressBar"_s);
    m_status->setObjectName(u"statusLabel"_s);
    m_status->setWordWrap(true);
    m_import->setObjectName(u"importButton"_s);
    m_importValid->setObjectName(u"importValidButton"_s);
    m_choose->setObjectName(u"chooseFileButton"_s);
    m_import->setEnabled(false);
    m_importValid->setVisible(false);
    m_progress->setVisible(false);
    m_errors->setVisible(false);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_choose);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_importValid);
    buttons->addWidget(m_import);
    auto *close = new QPushButton(tr("Close"));
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(new QLabel(tr("Columns")));
    layout->addWidget(m_mapping, 2);
    layout->addWidget(new QLabel(tr("Preview")));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_errors, 2);
    layout->addLayout(buttons);

    connect(m_choose, &QPushButton::clicked, this, &ContactImportDialog::chooseFile);
    connect(m_import, &QPushButton::clicked, this, [this] { startImport(false); });
    connect(m_importValid, &QPushButton::clicked, this, [this] { startImport(true); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    resize(760, 620);
}

void ContactImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import contacts"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool ContactImportDialog::openFile(const QString &path)
{
    m_path->setText(path);
    m_table = {};
    m_errors->setVisible(false);
    m_importValid->setVisible(false);
    m_progress->setVisible(false);
    // Only the header and the preview's rows are read here: the import streams the file on
    // the writer's thread, so a file of a million rows opens at once.
    QFile file(path);
    QString error;
    qint64 size = 0;
    if (!file.open(QIODevice::ReadOnly)) {
        error = tr("Cannot read %1: %2").arg(path, file.errorString());
    } else {
        size = file.size();
        CsvReader reader(&file);
        if (reader.readHeader()) {
            m_table.header = reader.header();
            QStringList fields;
            int row = 0;
            while (m_table.rows.size() < PreviewRows && reader.next(&fields, &row)) {
                m_table.rows.append(fields);
                m_table.rowNumbers.append(row);
            }
        }
        error = reader.error();
    }
    fillMapping();
    fillPreview();
    if (!error.isEmpty()) {
        m_status->setText(error);
        m_import->setEnabled(false);
        return false;
    }
    m_status->setText(tr("%1 KB. Check how each column is imported.")
                          .arg(QLocale().toString((size + 1023) / 1024)));
    m_import->setEnabled(!m_table.rows.isEmpty());
    return true;
}

void ContactImportDialog::fillMapping()
{
    const QList<ContactImport::Column> guess = ContactImport::guessMapping(m_table.header);
    m_mapping->setRowCount(int(m_table.header.size()));
    for (int c = 0; c < m_table.header.size(); ++c) {
        m_mapping->setItem(c, 0, new QTableWidgetItem(m_table.header.at(c)));
        auto *combo = new QComboBox;
        combo->setObjectName(u"mapping%1"_s.arg(c));
        combo->setAccessibleName(tr("Field for column %1").arg(m_table.header.at(c)));
        for (const Field f :
             {Field::Ignore, Field::Number, Field::Name, Field::FirstName, Field::LastName,
              Field::Tags, Field::TimeZone, Field::ConsentSource, Field::ConsentAt}) {
            const QString target = ContactImport::Column{f, {}}.target();
            combo->addItem(target, target);
        }
        const QString attribute =
            guess.at(c).field == Field::Attribute
                ? guess.at(c).target()
                : u"attributes."_s +
                      ContactImport::guessMapping({m_table.header.at(c)}).first().attribute;
        if (attribute != u"attributes.")
            combo->addItem(attribute, attribute);
        combo->setCurrentIndex(qMax(0, combo->findData(guess.at(c).target())));
        m_mapping->setCellWidget(c, 1, combo);
        const QString sample = m_table.rows.isEmpty() || c >= m_table.rows.first().size()
                                   ? QString()
                                   : m_table.rows.first().at(c);
        m_mapping->setItem(c, 2, new QTableWidgetItem(sample));
    }
    m_mapping->resizeColumnsToContents();
}

void ContactImportDialog::fillPreview()
{
    m_preview->clear();
    m_preview->setColumnCount(int(m_table.header.size()) + 1);
    m_preview->setHorizontalHeaderLabels(QStringList{tr("Row")} + m_table.header);
    const int rows = int(qMin<qsizetype>(PreviewRows, m_table.rows.size()));
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        m_preview->setItem(r, 0, new QTableWidgetItem(QString::number(m_table.rowNumbers.at(r))));
        for (int c = 0; c < m_table.rows.at(r).size() && c < m_table.header.size(); ++c)
            m_preview->setItem(r, c + 1, new QTableWidgetItem(m_table.rows.at(r).at(c)));
    }
    m_preview->resizeColumnsToContents();
}

QList<ContactImport::Column> ContactImportDialog::mapping() const
{
    QList<ContactImport::Column> columns;
    for (int c = 0; c < m_mapping->rowCount(); ++c) {
        const auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(c, 1));
        QString error;
        columns << ContactImport::Column::fromTarget(combo->currentData().toString(), &error)
                       .value_or(ContactImport::Column{});
    }
    return columns;
}

void ContactImportDialog::setBusy(bool busy)
{
    m_import->setEnabled(!busy);
    m_importValid->setEnabled(!busy);
    m_choose->setEnabled(!busy);
    m_mapping->setEnabled(!busy);
    if (busy)
        m_progress->setVisible(true);
}

void ContactImportDialog::startImport(bool importValidRows)
{
    const QList<ContactImport::Column> columns = mapping();
    const QString mappingError = ContactImport::mappingError(columns, int(m_table.header.size()));
    if (!mappingError.isEmpty()) {
        m_status->setText(mappingError);
        return;
    }
    setBusy(true);
    m_progress->setRange(0, 1000); // per mille of the file read
    m_progress->setValue(0);
    m_status->setText(importValidRows ? tr("Importing the valid rows…") : tr("Importing…"));

    ContactImport::Options options;
    options.actor = m_me;
    options.nowMs = QDateTime::currentMSecsSinceEpoch();
    options.importValidRows = importValidRows;
    options.progressEvery = 5000;
    // Progress comes on this thread while the writer works.
    const auto progress = [this](const ContactImport::Progressed &p) {
        if (p.bytesTotal > 0)
            m_progress->setValue(int(p.bytesRead * 1000 / p.bytesTotal));
        m_status->setText(tr("Read %1 rows…").arg(QLocale().toString(p.rows)));
    };
    m_commands->importContactsFromFile(
        m_path->text(), m_table.header, columns, options, progress,
        [this, importValidRows](const CommandResult &, const ContactImport::Result &result) {
            showResult(result, importValidRows);
        });
}

void ContactImportDialog::showResult(const ContactImport::Result &result, bool importValidRows)
{
    m_result = result;
    setBusy(false);
    m_progress->setValue(m_progress->maximum());
    const int listed = int(qMin<qsizetype>(MaxListedErrors, result.errors.size()));
    m_errors->setRowCount(listed);
    for (int i = 0; i < listed; ++i) {
        const ContactImport::RowError &e = result.errors.at(i);
        m_errors->setItem(i, 0, new QTableWidgetItem(QString::number(e.row)));
        m_errors->setItem(i, 1, new QTableWidgetItem(e.column));
        m_errors->setItem(i, 2, new QTableWidgetItem(e.reason));
    }
    m_errors->setVisible(!result.errors.isEmpty());
    m_errors->resizeColumnToContents(0);
    m_errors->resizeColumnToContents(1);
    const int badRows = result.badRows;
    const int valid = result.rows - badRows;
    if (result.written) {
        m_status->setText(
            tr("Imported %1 contacts (%2 new, %3 updated), %4 consent records.")
                .arg(result.inserted + result.updated)
                .arg(result.inserted)
                .arg(result.updated)
                .arg(result.consentEvents) +
            (badRows == 0 ? QString() : tr(" %1 rows with errors were left out.").arg(badRows)));
        m_import->setEnabled(false);
        m_importValid->setVisible(false);
    } else if (!result.errors.isEmpty()) {
        m_status->setText(tr("%1 of %2 rows have errors: nothing was imported. Fix the file, "
                             "or import only the valid rows.")
                              .arg(badRows)
                              .arg(result.rows) +
                          (result.errors.size() < badRows
                               ? tr(" The first %1 errors are listed.").arg(result.errors.size())
                               : QString()));
        m_importValid->setText(tr("Import the %1 valid rows").arg(valid));
        m_importValid->setVisible(valid > 0 && !importValidRows);
    } else {
        m_status->setText(result.error);
    }
    Q_EMIT importFinished(result);
}
