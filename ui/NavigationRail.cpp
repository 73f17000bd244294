#include "NavigationRail.h"

#include "SvgIcon.h"

#include <QKeySequence>

using namespace Qt::StringLiterals;

namespace {
// The stylesheet's text colours for a rail entry, so icons match their labels.
const QColor IconColor(0x4b, 0x55, 0x63);
const QColor SelectedIconColor(0x1d, 0x4e, 0xd8);
constexpr int IconSize = 20;
constexpr int EntryHeight = 36;
} // namespace

NavigationRail::NavigationRail(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(u"navigationRail"_s);
    setAccessibleName(tr("Sections"));
    setIconSize(QSize(IconSize, IconSize));
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);

    for (int i = 0; i < PageCount; ++i) {
        const auto page = static_cast<Page>(i);
        auto *item = new QListWidgetItem(
            SvgIcon::icon(iconResource(page), IconColor, SelectedIconColor, IconSize), title(page),
            this);
        item->setSizeHint(QSize(0, EntryHeight));
        const QKeySequence shortcut(QKeyCombination(Qt::ControlModifier, Qt::Key(Qt::Key_1 + i)));
        item->setToolTip(
            u"%1 (%2)"_s.arg(title(page), shortcut.toString(QKeySequence::NativeText)));
    }

    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            Q_EMIT currentPageChanged(static_cast<Page>(row));
    });
    setCurrentRow(Inbox);
}

void NavigationRail::setBadge(Page page, int count)
{
    QListWidgetItem *entry = item(page);
    const QString text = count > 0 ? tr("%1 %2").arg(title(page)).arg(count) : title(page);
    entry->setText(text);
    entry->setData(Qt::AccessibleTextRole,
                   count > 0 ? tr("%1, %n unread", nullptr, count).arg(title(page)) : title(page));
}

NavigationRail::Page NavigationRail::currentPage() const
{
    return static_cast<Page>(qMax(0, currentRow()));
}

void NavigationRail::setCurrentPage(Page page)
{
    if (isPageAllowed(page))
        setCurrentRow(page);
}

void NavigationRail::setPageAllowed(Page page, bool allowed)
{
    setRowHidden(page, !allowed);
    if (!allowed && currentPage() == page) {
        for (int i = 0; i < PageCount; ++i) {
            if (!isRowHidden(i)) {
                setCurrentRow(i);
                break;
            }
        }
    }
}

bool NavigationRail::isPageAllowed(Page page) const
{
    return !isRowHidden(page);
}

QString NavigationRail::title(Page page)
{
    switch (page) {
    case Inbox:
        return tr("Inbox");
    case Contacts:
        return tr("Contacts");
    case Campaigns:
        return tr("Campaigns");
    case NumbersAndKeywords:
        return tr("Numbers & Keywords");
    case Reports:
        return tr("Reports");
    case Team:
        return tr("Team");
    case Settings:
        return tr("Settings");
    }
    Q_UNREACHABLE();
}

QString NavigationRail::iconResource(Page page)
{
    switch (page) {
    case Inbox:
        return u":/icons/rail/inbox.svg"_s;
    case Contacts:
        return u":/icons/rail/contacts.svg"_s;
    case Campaigns:
        return u":/icons/rail/campaigns.svg"_s;
    case NumbersAndKeywords:
        return u":/icons/rail/numbers.svg"_s;
    case Reports:
        return u":/icons/rail/reports.svg"_s;
    case Team:
        return u":/icons/rail/team.svg"_s;
    case Settings:
        return u":/icons/rail/settings.svg"_s;
    }
    Q_UNREACHABLE();
}
