#include "AuditLogPage.h"

#include "AuditLogModel.h"
#include "StoreReader.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AuditLogPage::AuditLogPage(const StoreReader &reader, qint64 accountId, QWidget *parent)
    : QWidget(parent)
    // Owned by this page (its parent).
    , m_model(reader.create<AuditLogModel>(accountId, this).release())
    , m_category(new QComboBox)
    , m_table(new QTableView)
    , m_error(new QLabel)
{
    setObjectName(u"auditLogPage"_s);
    m_category->setObjectName(u"auditCategory"_s);
    m_category->setAccessibleName(tr("Show"));
    m_category->addItem(tr("All changes"), QString());
    m_category->addItem(tr("Sender numbers"), u"sender_number"_s);
    m_category->addItem(tr("Keyword processes"), u"keyword_process"_s);
    m_category->addItem(tr("Confirmation rules"), u"confirmation_rule"_s);
    m_category->addItem(tr("Consent changed by hand"), u"consent"_s);
    auto *refresh = new QPushButton(tr("Refresh"));
    refresh->setObjectName(u"auditRefresh"_s);

    m_table->setObjectName(u"auditTable"_s);
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(AuditLogModel::WhenColumn, 150);
    m_table->setColumnWidth(AuditLogModel::WhoColumn, 90);
    m_table->setColumnWidth(AuditLogModel::ChangeColumn, 230);
    m_table->setColumnWidth(AuditLogModel::SubjectColumn, 200);

    m_error->setObjectName(u"auditError"_s);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *intro = new QLabel(tr("Every change to numbers, keyword processes, confirmation rules "
                                "and consent made by hand, with who made it. The log cannot be "
                                "edited or deleted."));
    intro->setWordWrap(true);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show")));
    bar->addWidget(m_category);
    bar->addStretch();
    bar->addWidget(refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_category, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setCategory(m_category->currentData().toString()); });
    connect(refresh, &QPushButton::clicked, this, &AuditLogPage::reload);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_error->setText(m_model->errorString());
        m_error->setVisible(!m_model->errorString().isEmpty());
    });
}

void AuditLogPage::reload()
{
    m_model->reload();
}

void AuditLogPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}
