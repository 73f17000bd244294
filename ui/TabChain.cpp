#include "TabChain.h"

#include <QEvent>
#include <QWidget>

QList<QWidget *> TabChain::focusables(QWidget *part)
{
    QList<QWidget *> found;
    const auto take = [&found, part](QWidget *w) {
        // A proxied widget is reached through its proxy, and popups live in their own window.
        if (w->focusPolicy() != Qt::NoFocus && !w->focusProxy() && w->window() == part->window())
            found.append(w);
    };
    take(part);
    int steps = 0;
    for (QWidget *w = part->nextInFocusChain(); w && w != part && steps < 100000;
         w = w->nextInFocusChain(), ++steps) {
        if (part->isAncestorOf(w))
            take(w);
    }
    return found;
}

void TabChain::order(const QList<QWidget *> &parts)
{
    QWidget *previous = nullptr;
    for (QWidget *part : parts) {
        if (!part)
            continue;
        for (QWidget *w : focusables(part)) {
            if (previous)
                QWidget::setTabOrder(previous, w);
            previous = w;
        }
    }
}

void TabChain::orderWhenShown(QWidget *owner, const QList<QWidget *> &parts)
{
    new TabChain(owner, parts);
}

TabChain::TabChain(QWidget *owner, const QList<QWidget *> &parts)
    : QObject(owner)
{
    for (QWidget *part : parts)
        m_parts.append(part);
    owner->installEventFilter(this);
}

bool TabChain::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show) {
        watched->removeEventFilter(this);
        QList<QWidget *> parts;
        for (const QPointer<QWidget> &part : std::as_const(m_parts))
            parts.append(part.data());
        order(parts);
        deleteLater();
    }
    return QObject::eventFilter(watched, event);
}
