// Disables a page's action buttons for a team role that may not use them, with a tooltip
// naming the role needed (TeamPermissions), and gives them back when the role changes. The
// page keeps enabling and disabling its buttons as it always has: while the gate is closed an
// enable is remembered, not shown, so the page needs no change to be gated. The command
// services refuse the same actions; this only spares the person a refusal.
#pragma once

#include "TeamPermissions.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

class RoleGate : public QObject
{
    Q_OBJECT

public:
    RoleGate(TeamPermissions::Area area, QObject *parent = nullptr);

    void add(QWidget *widget);
    // Every push button under `root`.
    void addButtons(QWidget *root);
    // '' (not in a team) opens the gate.
    void setRole(const QString &role);
    bool isOpen() const { return m_open; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Gated
    {
        QPointer<QWidget> widget;
        bool wanted = true; // what the page last asked for
        QString toolTip;    // the page's own
    };
    void close(Gated &gated);

    TeamPermissions::Area m_area;
    QList<Gated> m_gated;
    bool m_open = true;
    bool m_applying = false;
};
