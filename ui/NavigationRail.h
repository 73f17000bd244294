// The sidebar list of the app's main sections; one entry per page of the main window.
#pragma once

#include <QListWidget>

class NavigationRail : public QListWidget
{
    Q_OBJECT

public:
    // The order is the order of the entries, of the main window's pages and of Ctrl+1..6.
    enum Page
    {
        Inbox,
        Contacts,
        Campaigns,
        NumbersAndKeywords,
        Reports,
        Settings
    };
    Q_ENUM(Page)
    static constexpr int PageCount = Settings + 1;

    explicit NavigationRail(QWidget *parent = nullptr);

    Page currentPage() const;
    void setCurrentPage(Page page);

    static QString title(Page page);
    // The monochrome SVG resource drawn beside the title (and on the page's empty state).
    static QString iconResource(Page page);

Q_SIGNALS:
    void currentPageChanged(NavigationRail::Page page);
};
