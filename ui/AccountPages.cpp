#include "AccountPages.h"

#include "AudiencePage.h"
#include "AuditLogPage.h"
#include "CampaignsPage.h"
#include "ContactImportDialog.h"
#include "ContactListPage.h"
#include "DeferredPage.h"
#include "EmptyStatePage.h"
#include "KeywordsPage.h"
#include "MainWindow.h"
#include "MessagingServicesPage.h"
#include "NumbersPage.h"
#include "ReportsPage.h"
#include "RoleGate.h"
#include "StoreReader.h"
#include "TemplateEditorPage.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AccountPages::AccountPages(MainWindow *window, const StoreReader &reader, StoreWriter *writer,
                           const QString &me, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_reader(reader)
    , m_writer(writer)
    , m_me(me)
{}

void AccountPages::show(qint64 accountId, CampaignRunner *runner)
{
    // Each page is built on its first visit; the runner outlives the pages (clear() first).
    m_window->setPage(NavigationRail::Page::Contacts,
                      new DeferredPage([this, accountId] { return contactsPage(accountId); }));
    m_window->setPage(NavigationRail::Page::Campaigns, new DeferredPage([this, accountId, runner] {
                          return campaignsPage(accountId, runner);
                      }));
    m_window->setPage(NavigationRail::Page::NumbersAndKeywords,
                      new DeferredPage([this, accountId] { return numbersPage(accountId); }));
    m_window->setPage(NavigationRail::Page::Reports, new DeferredPage([this, accountId] {
                          return new ReportsPage(m_reader, accountId);
                      }));
}

void AccountPages::setIdentity(const QString &me, const QString &role)
{
    m_me = me;
    m_role = role;
    for (const QPointer<RoleGate> &gate : std::as_const(m_gates)) {
        if (gate)
            gate->setRole(role);
    }
    for (const QPointer<TemplateEditorPage> &page : std::as_const(m_templatePages)) {
        if (page)
            page->setIdentity(me, role);
    }
}

void AccountPages::gate(QWidget *root, TeamPermissions::Area area)
{
    auto *gate = new RoleGate(area, root);
    gate->addButtons(root);
    gate->setRole(m_role);
    m_gates.removeAll(nullptr);
    m_gates.append(gate);
}

void AccountPages::clear()
{
    for (const auto page :
         {NavigationRail::Page::Contacts, NavigationRail::Page::Campaigns,
          NavigationRail::Page::NumbersAndKeywords, NavigationRail::Page::Reports}) {
        m_window->setPage(page, new EmptyStatePage(NavigationRail::iconResource(page),
                                                   tr("No account open"),
                                                   tr("Choose or add an account.")));
    }
}

QWidget *AccountPages::contactsPage(qint64 accountId)
{
    auto *page = new QWidget;
    page->setObjectName(u"contactsPage"_s);
    auto *audience = new AudiencePage(m_reader, m_writer, accountId);
    auto *import = new QPushButton(tr("Import contacts…"));
    import->setObjectName(u"importContacts"_s);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(12, 8, 12, 0);
    bar->addStretch();
    bar->addWidget(import);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    // The contact list first, the audience (with the import) beside it.
    auto *list = new ContactListPage(m_reader, m_writer, accountId, m_me);
    auto *tabs = new QTabWidget;
    tabs->setObjectName(u"contactTabs"_s);
    tabs->addTab(list, tr("Contacts"));
    tabs->addTab(audience, tr("Audience"));
    layout->addWidget(tabs, 1);
    gate(page, TeamPermissions::Area::Contacts);
    connect(import, &QPushButton::clicked, page, [this, accountId, audience, list, page] {
        auto *dialog = new ContactImportDialog(m_writer, accountId, m_me, page);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ContactImportDialog::importFinished, audience, &AudiencePage::reload);
        connect(dialog, &ContactImportDialog::importFinished, list, &ContactListPage::reload);
        dialog->open();
    });
    return page;
}

QWidget *AccountPages::campaignsPage(qint64 accountId, CampaignRunner *runner)
{
    auto *tabs = new QTabWidget;
    tabs->setObjectName(u"campaignTabs"_s);
    auto *campaigns = new CampaignsPage(m_reader, m_writer, runner, accountId, m_me);
    gate(campaigns, TeamPermissions::Area::Campaigns);
    auto *templates = new TemplateEditorPage(m_reader, m_writer, accountId, m_me);
    templates->setIdentity(m_me, m_role);
    m_templatePages.removeAll(nullptr);
    m_templatePages.append(templates);
    tabs->addTab(campaigns, tr("Campaigns"));
    tabs->addTab(templates, tr("Templates"));
    return tabs;
}

QWidget *AccountPages::numbersPage(qint64 accountId)
{
    auto *tabs = new QTabWidget;
    tabs->setObjectName(u"numberTabs"_s);
    auto *numbers = new NumbersPage(m_reader, m_writer, accountId, m_me);
    auto *keywords = new KeywordsPage(m_reader, m_writer, accountId, m_me);
    auto *audit = new AuditLogPage(m_reader, accountId);
    gate(numbers, TeamPermissions::Area::Numbers);
    gate(keywords, TeamPermissions::Area::Keywords); // its confirmation rules: admins' too
    connect(numbers, &NumbersPage::changed, audit, &AuditLogPage::reload);
    connect(keywords, &KeywordsPage::changed, audit, &AuditLogPage::reload);
    tabs->addTab(numbers, tr("Sender numbers"));
    tabs->addTab(keywords, tr("Keywords"));
    tabs->addTab(new MessagingServicesPage(m_reader, m_writer, accountId, m_provider),
                 tr("Messaging Services"));
    tabs->addTab(audit, tr("Audit log"));
    return tabs;
}
