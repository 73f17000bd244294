#include "ButtonRowTabOrder.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QEvent>
#include <QLayout>

#include <algorithm>

ButtonRowTabOrder *ButtonRowTabOrder::follow(QDialogButtonBox *box)
{
    auto *order = new ButtonRowTabOrder(box);
    order->apply();
    return order;
}

ButtonRowTabOrder::ButtonRowTabOrder(QDialogButtonBox *box)
    : QObject(box)
    , m_box(box)
{
    box->installEventFilter(this);
}

void ButtonRowTabOrder::apply()
{
    QLayout *row = m_box->layout();
    if (!row)
        return;
    QList<QAbstractButton *> buttons = m_box->buttons();
    // The box rebuilds its layout in the desktop's order whenever its buttons change.
    std::stable_sort(buttons.begin(), buttons.end(), [row](QAbstractButton *a, QAbstractButton *b) {
        return row->indexOf(a) < row->indexOf(b);
    });
    for (qsizetype i = 1; i < buttons.size(); ++i)
        QWidget::setTabOrder(buttons.at(i - 1), buttons.at(i));
}

bool ButtonRowTabOrder::eventFilter(QObject *watched, QEvent *event)
{
    // Buttons added later, or a style change that lays the row out anew.
    if (watched == m_box &&
        (event->type() == QEvent::Show || event->type() == QEvent::LayoutRequest ||
         event->type() == QEvent::StyleChange))
        apply();
    return QObject::eventFilter(watched, event);
}
