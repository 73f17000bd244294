// The Inbox screen: filter bar with live counts, the thread list, and room for the thread view.
#pragma once

#include "ThreadListModel.h"

#include <QWidget>

#include <array>

class QButtonGroup;
class QPushButton;
class ThreadListView;

class InboxPage : public QWidget
{
    Q_OBJECT

public:
    // model is not owned; it must outlive the page.
    explicit InboxPage(ThreadListModel *model, QWidget *parent = nullptr);

    ThreadListView *listView() const { return m_list; }
    // Where the thread view goes (the lead fills it); empty placeholder until then.
    QWidget *detailArea() const { return m_detail; }
    // "Unresolved 12"
    static QString filterName(ThreadListModel::Filter filter);

Q_SIGNALS:
    void threadActivated(qint64 threadId);

private:
    void refreshCounts();
    void selectFilter(ThreadListModel::Filter filter);

    ThreadListModel *m_model;
    ThreadListView *m_list;
    QWidget *m_detail;
    QButtonGroup *m_filters;
    std::array<QPushButton *, ThreadQuery::FilterCount> m_buttons{};
};
