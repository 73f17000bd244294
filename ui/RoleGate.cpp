#include "RoleGate.h"

#include <QEvent>
#include <QPushButton>
#include <QWidget>

RoleGate::RoleGate(TeamPermissions::Area area, QObject *parent)
    : QObject(parent)
    , m_area(area)
{}

void RoleGate::add(QWidget *widget)
{
    m_gated.append({widget, !widget->testAttribute(Qt::WA_ForceDisabled), widget->toolTip()});
    widget->installEventFilter(this);
    if (!m_open)
        close(m_gated.last());
}

void RoleGate::addButtons(QWidget *root)
{
    const auto buttons = root->findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        add(button);
}

void RoleGate::close(Gated &gated)
{
    m_applying = true;
    gated.widget->setEnabled(false);
    gated.widget->setToolTip(TeamPermissions::tooltip(m_area));
    m_applying = false;
}

void RoleGate::setRole(const QString &role)
{
    m_open = TeamPermissions::allows(role, m_area);
    for (Gated &gated : m_gated) {
        if (!gated.widget)
            continue;
        if (!m_open) {
            close(gated);
            continue;
        }
        m_applying = true;
        gated.widget->setEnabled(gated.wanted);
        gated.widget->setToolTip(gated.toolTip);
        m_applying = false;
    }
}

bool RoleGate::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::EnabledChange || m_applying)
        return QObject::eventFilter(watched, event);
    for (Gated &gated : m_gated) {
        if (gated.widget != watched)
            continue;
        // What the page asked of this button itself (not of a disabled parent): kept, and
        // shown only while the gate is open.
        gated.wanted = !gated.widget->testAttribute(Qt::WA_ForceDisabled);
        if (!m_open && gated.widget->isEnabled())
            close(gated);
    }
    return QObject::eventFilter(watched, event);
}
