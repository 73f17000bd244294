#include "ContactListPage.h"

#include "ContactEditCommands.h"
#include "ContactEditorDialog.h"
#include "ContactListModel.h"
#include "StoreWriter.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

ContactListPage::ContactListPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                                 const QString &actor, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_accountId(accountId)
    , m_commands(new ContactEditCommands(writer, accountId, actor, this))
    , m_model(new ContactListModel(reader, accountId, this))
    , m_search(new QLineEdit)
    , m_table(new QTableView)
    , m_count(new QLabel)
    , m_edit(new QPushButton(tr("Edit…")))
{
    setObjectName(QStringLiteral("contactListPage"));
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setPlaceholderText(tr("Search name, number or tag"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setClearButtonEnabled(true);
    m_count->setObjectName(QStringLiteral("contactCount"));
    m_edit->setObjectName(QStringLiteral("editContact"));
    m_table->setObjectName(QStringLiteral("contactTable"));
    m_table->setAccessibleName(tr("Contacts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(0, 200);
    m_table->setColumnWidth(1, 140);
    m_table->setColumnWidth(2, 180);
    m_table->setColumnWidth(3, 100);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::AscendingOrder);

    // A search per keystroke would re-read on every letter; a short pause reads once.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });
    connect(m_model, &ContactListModel::reloaded, this, &ContactListPage::updateCount);
    // Contacts changed by an import, a teammate's op or a reply: re-read once the burst ends
    // (a 10,000-row import arrives as many change sets). The list starts again at the top.
    auto *refresh = new QTimer(this);
    refresh->setSingleShot(true);
    refresh->setInterval(300);
    connect(refresh, &QTimer::timeout, m_model, &ContactListModel::reload);
    connect(writer->changes(), &ChangeFeed::changed, this, [refresh](const ChangeSet &changes) {
        if (changes.touches(ChangeSet::Table::Contacts))
            refresh->start();
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] { editSelected(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editSelected(); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    bar->addWidget(m_edit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    updateCount();
}

void ContactListPage::reload()
{
    m_model->reload();
}

void ContactListPage::updateCount()
{
    // Whole English forms: no English plural translation is loaded for "%n".
    const auto matching = m_model->matching();
    m_count->setText(matching == 1 ? tr("1 contact") : tr("%1 contacts").arg(matching));
}

QWidget *ContactListPage::editSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return nullptr;
    const QString number = current.data(ContactListModel::NumberRole).toString();
    // The Edit button is the role's gate (RoleGate disables it for an agent).
    auto *dialog = new ContactEditorDialog(m_reader, m_commands, m_accountId, number,
                                           m_edit->isEnabled(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ContactEditorDialog::saved, m_model, &ContactListModel::reload);
    connect(dialog, &ContactEditorDialog::deleted, m_model, &ContactListModel::reload);
    dialog->open();
    return dialog;
}
