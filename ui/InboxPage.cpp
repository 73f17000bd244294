#include "InboxPage.h"

#include "ThreadListView.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Filter = ThreadListModel::Filter;

namespace {

const char *const ButtonNames[] = {"filterUnresolved", "filterMine", "filterUnassigned",
                                   "filterFlagged",    "filterAll",  "filterResolved"};

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
    }
    return {};
}

InboxPage::InboxPage(ThreadListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_list(new ThreadListView)
    , m_detail(new QWidget)
    , m_filters(new QButtonGroup(this))
{
    setObjectName(u"inboxPage"_s);

    auto *filterBar = new QWidget;
    filterBar->setObjectName(u"inboxFilterBar"_s);
    auto *filterLayout = new QHBoxLayout(filterBar);
    filterLayout->setContentsMargins(10, 8, 10, 8);
    filterLayout->setSpacing(4);
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
    filterLayout->addStretch();
    m_filters->setExclusive(true);

    m_list->setModel(m_model);

    auto *left = new QWidget;
    left->setObjectName(u"inboxListPane"_s);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addWidget(filterBar);
    leftLayout->addWidget(m_list, 1);

    m_detail->setObjectName(u"inboxDetail"_s);
    auto *detailLayout = new QVBoxLayout(m_detail);
    auto *placeholder = new QLabel(tr("Select a conversation"));
    placeholder->setObjectName(u"inboxDetailPlaceholder"_s);
    placeholder->setAlignment(Qt::AlignCenter);
    detailLayout->addWidget(placeholder);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"inboxSplitter"_s);
    splitter->addWidget(left);
    splitter->addWidget(m_detail);
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

    m_buttons[size_t(m_model->filter())]->setChecked(true);
    refreshCounts();
    setFocusProxy(m_list);
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
