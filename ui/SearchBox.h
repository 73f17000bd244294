// The inbox search: a line edit and the list of results under it (contacts, then messages).
// Choosing a result asks for its thread, opened at the matching message.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QTimer;
class SearchResultsModel;
class StoreReader;

class SearchBox : public QWidget
{
    Q_OBJECT

public:
    // reader: the store's reader of this thread; it must outlive the box.
    explicit SearchBox(const StoreReader &reader, QWidget *parent = nullptr);

    void setAccount(qint64 accountId);
    QLineEdit *lineEdit() const { return m_edit; }
    QListView *resultsView() const { return m_results; }
    // "No messages or contacts match …", shown instead of an empty list.
    QLabel *noResultsLabel() const { return m_empty; }
    bool isActive() const { return m_active; }
    SearchResultsModel *results() const { return m_model; }
    // Runs the pending search now instead of after the typing pause.
    void searchNow();
    void clear();

Q_SIGNALS:
    // messageId is 0 for a contact result (open the thread at its latest message).
    void messageRequested(qint64 threadId, qint64 messageId);
    // The box was emptied or Esc pressed: the list may take the focus back.
    void dismissed();
    // Results are shown (true) or hidden (false).
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void choose(const QModelIndex &index);

    qint64 m_accountId = 0;
    QLineEdit *m_edit;
    QListView *m_results;
    SearchResultsModel *m_model;
    QTimer *m_debounce;
    QLabel *m_empty;
    bool m_active = false;
};
