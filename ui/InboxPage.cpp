#include "InboxPage.h"

#include "ContactPanel.h"
#include "FlowLayout.h"
#include "InboxActions.h"
#include "RowSpeech.h"
#include "SearchBox.h"
#include "ShortcutSheet.h"
#include "ThreadListView.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Filter = ThreadListModel::Filter;

namespace {

const char *const ButtonNames[] = {"filterUnresolved", "filterMine", "filterUnassigned",
                                   "filterFlagged",    "filterAll",  "filterResolved",
                                   "filterSnoozed"};
static_assert(std::size(ButtonNames) == ThreadQuery::FilterCount);
// The search field stays readable ("Search messages…") in a narrow list pane.
constexpr int SearchMinimumWidth = 150;

} // namespace

QString InboxPage::filterName(Filter filter)
{
    switch (filter) {
    case Filter::Unresolved:
        return tr("Unresolved");
    case Filter::Mine:
        return tr("Mine");
    case Filter::Unassigned:
        return tr("Unassigned");
    case Filter::Flagged:
        return tr("Flagged");
    case Filter::All:
        return tr("All");
    case Filter::Resolved:
        return tr("Resolved");
    case Filter::Snoozed:
        return tr("Snoozed");
    }
    return {};
}

InboxPage::InboxPage(ThreadListModel *model, QWidget *parent)
    : InboxPage(model, nullptr, nullptr, parent)
{}

InboxPage::InboxPage(ThreadListModel *model, InboxCommands *commands, const StoreReader *reader,
                     QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_commands(commands)
    , m_list(new ThreadListView)
    , m_detail(new QWidget)
    , m_filters(new QButtonGroup(this))
{
    setObjectName(u"inboxPage"_s);

    auto *filterBar = new QWidget;
    m_filterBar = filterBar;
    filterBar->setObjectName(u"inboxFilterBar"_s);
    // The chips wrap onto a second line rather than hold the list pane (and the window) wide.
    auto *filterLayout = new FlowLayout(filterBar, 4);
    filterLayout->setContentsMargins(10, 8, 10, 8);
    for (int i = 0; i < ThreadQuery::FilterCount; ++i) {
        auto *button = new QPushButton;
        button->setObjectName(QString::fromLatin1(ButtonNames[i]));
        button->setProperty("inboxFilter", true);
        button->setCheckable(true);
        // Never squeezed: a clipped count is worse than a wider list pane.
        button->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
        button->setFocusPolicy(Qt::NoFocus); // keys belong to the list
        m_filters->addButton(button, i);
        filterLayout->addWidget(button);
        m_buttons[size_t(i)] = button;
    }
    m_filters->setExclusive(true);

    m_list->setModel(m_model);
    m_model->setAccessibleText(&RowSpeech::thread);
    // Keys given to the page go to the list. Set while the list is no child yet: on a parent
    // of a child popup (InboxActions' snooze menu), Qt 6.4's setFocusProxy cuts the page's
    // children out of the focus chain, and Tab never reached the search or the list.
    setFocusProxy(m_list);

    auto *left = new QWidget;
    left->setObjectName(u"inboxListPane"_s);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    // The search box and, beside it, "New conversation": what an agent starts from.
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 10, 0);
    top->setSpacing(0);
    if (reader) {
        m_search = new SearchBox(*reader);
        m_search->setAccount(m_model->accountId());
        top->addWidget(m_search, 1);
    } else {
        top->addStretch();
    }
    m_newButton = new QPushButton(tr("New conversation"));
    m_newButton->setObjectName(u"newConversationButton"_s);
    m_newButton->setFocusPolicy(Qt::NoFocus); // Ctrl+N is the keyboard's way
    m_newButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    if (m_search)
        m_search->setMinimumWidth(SearchMinimumWidth);
    left->installEventFilter(this);
    auto *buttonColumn = new QVBoxLayout;
    buttonColumn->setContentsMargins(6, 8, 0, 0); // level with the search field
    buttonColumn->addWidget(m_newButton);
    buttonColumn->addStretch();
    top->addLayout(buttonColumn);
    leftLayout->addLayout(top);
    leftLayout->addWidget(filterBar);
    leftLayout->addWidget(m_list, 1);
    fitNewButton();

    m_detail->setObjectName(u"inboxDetail"_s);
    auto *detailLayout = new QVBoxLayout(m_detail);
    auto *placeholder = new QLabel(tr("Select a conversation"));
    placeholder->setObjectName(u"inboxDetailPlaceholder"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    detailLayout->addWidget(placeholder);

    m_actions = new InboxActions(m_model, m_list, m_commands, this);
    m_toolBar = new QToolBar;
    m_toolBar->setObjectName(u"inboxActionBar"_s);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_newConversation = new QAction(tr("New conversation"), this);
    m_newConversation->setObjectName(u"actionNewConversation"_s);
    m_newConversation->setShortcut(QKeySequence::New);
    m_newConversation->setShortcutContext(Qt::WindowShortcut);
    m_newConversation->setToolTip(tr("Text a customer (Ctrl+N)"));
    connect(m_newConversation, &QAction::triggered, this, &InboxPage::newConversationRequested);
    addAction(m_newConversation);
    m_newButton->setToolTip(m_newConversation->toolTip());
    connect(m_newButton, &QPushButton::clicked, m_newConversation, &QAction::trigger);
    m_toolBar->addActions(m_actions->threadActions());
    auto *right = new QWidget;
    right->setObjectName(u"inboxRightPane"_s);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_toolBar);
    rightLayout->addWidget(m_detail, 1);

    const auto pageAction = [this](const QString &name, const QString &text,
                                   const QList<QKeySequence> &keys) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    QAction *find = pageAction(u"actionSearch"_s, tr("Search"),
                               {QKeySequence(u"/"_s), QKeySequence(QKeySequence::Find)});
    find->setEnabled(m_search != nullptr);
    connect(find, &QAction::triggered, this, [this] {
        m_search->lineEdit()->setFocus(Qt::ShortcutFocusReason);
        m_search->lineEdit()->selectAll();
    });
    QAction *help = pageAction(u"actionShortcuts"_s, tr("Keyboard shortcuts"),
                               {QKeySequence(u"?"_s), QKeySequence(u"Shift+?"_s)});
    connect(help, &QAction::triggered, this, &InboxPage::showShortcuts);
    QAction *back =
        pageAction(u"actionBackToList"_s, tr("Back to the list"), {QKeySequence(Qt::Key_Escape)});
    connect(back, &QAction::triggered, this, &InboxPage::escape);
    m_toolBar->addSeparator();
    m_toolBar->addAction(help);
    connect(m_actions, &InboxActions::failed, this, &InboxPage::actionFailed);

    auto *splitter = new QSplitter(Qt::Horizontal);
    m_splitter = splitter;
    splitter->setObjectName(u"inboxSplitter"_s);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({540, 460});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_filters, &QButtonGroup::idClicked, this,
            [this](int id) { selectFilter(Filter(id)); });
    connect(m_model, &ThreadListModel::countsChanged, this, &InboxPage::refreshCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_buttons[size_t(m_model->filter())]->setChecked(true); });
    connect(m_list, &ThreadListView::threadActivated, this, &InboxPage::threadActivated);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &InboxPage::currentThreadChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InboxPage::currentThreadChanged);
    if (m_search) {
        connect(m_search, &SearchBox::messageRequested, this, &InboxPage::messageRequested);
        connect(m_search, &SearchBox::dismissed, this, [this] { m_list->setFocus(); });
        connect(m_search, &SearchBox::activeChanged, this, [this](bool active) {
            // The pane keeps its width while the results replace the chips and the list: the
            // chips' width is what held it, and the splitter would give it back otherwise.
            QWidget *pane = m_list->parentWidget();
            pane->setMinimumWidth(active ? pane->width() : 0);
            m_filterBar->setVisible(!active);
            m_list->setVisible(!active);
        });
        connect(m_model, &QAbstractItemModel::modelReset, this,
                [this] { m_search->setAccount(m_model->accountId()); });
    }

    m_buttons[size_t(m_model->filter())]->setChecked(true);
    refreshCounts();
}

bool InboxPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && watched == m_list->parentWidget())
        fitNewButton();
    return QWidget::eventFilter(watched, event);
}

void InboxPage::fitNewButton()
{
    const QFontMetrics metrics = m_newButton->fontMetrics();
    const QString full = tr("New conversation");
    // Styled push buttons size to the style's minimum, not to their text plus padding.
    const int fullWidth = metrics.horizontalAdvance(full) + 40;
    const int room = m_list->parentWidget()->width() - SearchMinimumWidth - 16;
    const QString text = !m_search || room >= fullWidth ? full : tr("New");
    if (m_newButton->text() == text && m_newButton->minimumWidth() > 0)
        return;
    m_newButton->setText(text);
    m_newButton->setMinimumWidth(metrics.horizontalAdvance(text) + 40);
}

void InboxPage::refreshCounts()
{
    for (int i = 0; i < ThreadQuery::FilterCount; ++i) {
        const auto filter = Filter(i);
        QPushButton *button = m_buttons[size_t(i)];
        button->setText(filterName(filter) + u' ' + QString::number(m_model->count(filter)));
        // Styled push buttons size to the style's minimum, not to their text plus padding.
        button->setMinimumWidth(button->fontMetrics().horizontalAdvance(button->text()) + 24);
    }
}

void InboxPage::selectFilter(Filter filter)
{
    if (m_model->filter() != filter)
        m_model->setFilter(filter);
    m_list->setFocus();
}

void InboxPage::showShortcuts()
{
    auto *sheet = findChild<ShortcutSheet *>();
    if (!sheet) {
        sheet = new ShortcutSheet(this);
        sheet->setAttribute(Qt::WA_DeleteOnClose);
    }
    sheet->open();
}

void InboxPage::escape()
{
    // In the list, Esc clears the selection; anywhere else in the inbox it returns to the list.
    if (m_list->hasFocus()) {
        m_list->clearSelection();
        m_list->setCurrentIndex({});
        return;
    }
    if (m_search && m_search->isAncestorOf(QApplication::focusWidget()))
        m_search->clear();
    m_list->setFocus(Qt::ShortcutFocusReason);
}

void InboxPage::setContactPanel(ContactPanel *panel)
{
    m_contactPanel = panel;
    m_splitter->addWidget(panel);
    m_splitter->setStretchFactor(2, 0);
    // The conversation takes what is left over the list and the panel (at least their minimum).
    m_splitter->setSizes({340, 600, 260});
    connect(panel, &ContactPanel::threadRequested, this, &InboxPage::threadActivated);
    currentThreadChanged();
}

void InboxPage::currentThreadChanged()
{
    if (!m_contactPanel)
        return;
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid()) {
        m_contactPanel->clear();
        return;
    }
    m_contactPanel->showCustomer(m_model->accountId(),
                                 current.data(ThreadListModel::CustomerNumberRole).toString(),
                                 current.data(ThreadListModel::SenderNumberRole).toString(),
                                 current.data(ThreadListModel::ThreadIdRole).toLongLong());
}
