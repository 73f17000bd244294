#include "MessagingServicesPage.h"

#include "MessagingServiceRefresh.h"
#include "StoreReader.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

MessagingServicesPage::MessagingServicesPage(const StoreReader &reader, StoreWriter *writer,
                                             qint64 accountId,
                                             std::function<ProviderClient *()> provider,
                                             QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_writer(writer)
    , m_accountId(accountId)
    , m_provider(std::move(provider))
    , m_tree(new QTreeWidget)
    , m_all(new QCheckBox(tr("Send through the Messaging Service of each pooled number")))
    , m_refreshButton(new QPushButton(tr("Refresh from provider")))
    , m_status(new QLabel)
{
    setObjectName(u"messagingServicesPage"_s);
    m_tree->setObjectName(u"messagingServicesTree"_s);
    m_tree->setAccessibleName(tr("Messaging Services"));
    m_tree->setHeaderLabels({tr("Service / number"), tr("SID"), tr("Sends through service")});
    m_tree->setRootIsDecorated(true);
    m_all->setObjectName(u"messagingServicesAll"_s);
    m_refreshButton->setObjectName(u"messagingServicesRefresh"_s);
    m_status->setObjectName(u"messagingServicesStatus"_s);
    m_status->setWordWrap(true);
    auto *help = new QLabel(
        tr("A number in a Messaging Service's sender pool can send through the service: its "
           "texts then carry the service (A2P 10DLC registration), and \"Send later\u2026\" "
           "messages are held by the provider and leave even with every desktop closed."));
    help->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(help);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_all);
    // Beside the check box it held the page (and the window) 600 pixels wide.
    auto *required = new QLabel(tr("Required for US A2P 10DLC traffic."));
    required->setObjectName(u"messagingServicesAllNote"_s);
    required->setWordWrap(true);
    required->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(required);
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_refreshButton);
    layout->addLayout(row);

    connect(m_refreshButton, &QPushButton::clicked, this,
            &MessagingServicesPage::refreshFromProvider);
    connect(m_all, &QCheckBox::clicked, this, [this](bool on) {
        refresher()->setSendThrough(
            QString(), on, this, [this](const QString &e, const auto &rows) { answer(e, rows); });
    });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (m_filling || column != 2 || !item->parent())
            return;
        refresher()->setSendThrough(
            item->text(0), item->checkState(2) == Qt::Checked, this,
            [this](const QString &e, const auto &rows) { answer(e, rows); });
    });
    reload();
}

MessagingServiceRefresh *MessagingServicesPage::refresher()
{
    ProviderClient *provider = m_provider ? m_provider() : nullptr;
    if (!m_refresh || m_refreshFor != provider) {
        delete m_refresh;
        m_refresh = new MessagingServiceRefresh(provider, m_writer, m_accountId, this);
        m_refreshFor = provider;
    }
    return m_refresh;
}

void MessagingServicesPage::reload()
{
    fill(m_reader.make<MessagingServiceRows>().list(m_accountId));
}

void MessagingServicesPage::refreshFromProvider()
{
    if (!m_provider || !m_provider()) {
        answer(tr("Connect the account to read its Messaging Services."), {});
        return;
    }
    m_status->setText(tr("Reading the account's Messaging Services\u2026"));
    refresher()->refresh(this, [this](const QString &e, const auto &rows) { answer(e, rows); });
}

void MessagingServicesPage::answer(const QString &error,
                                   const QList<MessagingServiceRows::Entry> &entries)
{
    if (error.isEmpty())
        fill(entries);
    else
        m_status->setText(error);
    Q_EMIT answered(error);
}

void MessagingServicesPage::fill(const QList<MessagingServiceRows::Entry> &entries)
{
    m_filling = true;
    m_tree->clear();
    QTreeWidgetItem *service = nullptr;
    int through = 0;
    for (const MessagingServiceRows::Entry &e : entries) {
        if (!service || service->text(1) != e.serviceSid) {
            service = new QTreeWidgetItem(m_tree, {e.serviceName, e.serviceSid, QString()});
            service->setExpanded(true);
        }
        auto *number = new QTreeWidgetItem(service, {e.number, QString(), QString()});
        number->setFlags(number->flags() | Qt::ItemIsUserCheckable);
        number->setCheckState(2, e.sendThrough ? Qt::Checked : Qt::Unchecked);
        through += e.sendThrough ? 1 : 0;
    }
    m_tree->expandAll();
    m_tree->header()->resizeSections(QHeaderView::ResizeToContents);
    m_all->setEnabled(!entries.isEmpty());
    // Checked only when every pooled number sends through its service; the status line
    // says how many do.
    m_all->setChecked(!entries.isEmpty() && through == entries.size());
    m_status->setText(entries.isEmpty()
                          ? tr("No number of this account is in a Messaging Service (as last "
                               "read from the provider).")
                          : tr("%1 pooled numbers, %2 sending through their service.")
                                .arg(entries.size())
                                .arg(through));
    m_filling = false;
}
