// The sidebar list of the app's main sections; one entry per page of the main window. A
// section the person's team role does not open is hidden (setPageAllowed).
#pragma once

#include <QListWidget>

class NavigationRail : public QListWidget
{
    Q_OBJECT

public:
    // The order is the order of the entries, of the main window's pages and of Ctrl+1..7.
    enum Page
    {
        Inbox,
        Contacts,
        Campaigns,
        NumbersAndKeywords,
        Reports,
        Team,
        Settings
    };
    Q_ENUM(Page)
    static constexpr int PageCount = Settings + 1;

    explicit NavigationRail(QWidget *parent = nullptr);

    Page currentPage() const;
    // A page that is not allowed is not shown (the current page stays).
    void setCurrentPage(Page page);
    // Hides or shows a section; hiding the current one moves to the first allowed page.
    void setPageAllowed(Page page, bool allowed);
    bool isPageAllowed(Page page) const;

    static QString title(Page page);
    // A count beside the page's name ("Inbox 3"); 0 shows the name alone.
    void setBadge(Page page, int count);
    // The monochrome SVG resource drawn beside the title (and on the page's empty state).
    static QString iconResource(Page page);

Q_SIGNALS:
    void currentPageChanged(NavigationRail::Page page);
};
