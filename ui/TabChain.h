// Puts whole parts of a window in Tab order. QWidget::setTabOrder moves one widget; a pane
// (the contact panel, a splitter's right side) holds many, and joins the focus chain where
// and when it was made, so Tab read a later-made left pane after the right one.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

class TabChain : public QObject
{
    Q_OBJECT

public:
    // Tab goes through the parts in this order: each part's own focusable widgets keep their
    // order among themselves and follow the previous part's. A part is a control or a
    // container of controls. All parts must be in one window.
    static void order(const QList<QWidget *> &parts);
    // The same, once `owner` is first shown: a page made outside the window joins its focus
    // chain as one block starting at the page, so the order is set once it is inside.
    static void orderWhenShown(QWidget *owner, const QList<QWidget *> &parts);

    // The focusable widgets of a part (itself, or its descendants) in focus-chain order.
    static QList<QWidget *> focusables(QWidget *part);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    TabChain(QWidget *owner, const QList<QWidget *> &parts);

    QList<QPointer<QWidget>> m_parts;
};
