// The thread list: a uniform-height list with keyboard navigation (j/k, arrows, Enter, Esc).
#pragma once

#include <QListView>

class ThreadListDelegate;

class ThreadListView : public QListView
{
    Q_OBJECT

public:
    explicit ThreadListView(QWidget *parent = nullptr);

    ThreadListDelegate *delegate() const { return m_delegate; }
    // The thread id of the current row, 0 when none.
    qint64 currentThreadId() const;

Q_SIGNALS:
    void threadActivated(qint64 threadId);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void moveBy(int delta);

    ThreadListDelegate *m_delegate;
};
