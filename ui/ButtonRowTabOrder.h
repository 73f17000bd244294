// Keeps Tab through a QDialogButtonBox's buttons in the order they are shown. The box lays
// its buttons out as the desktop does (Cancel first on GNOME and macOS, last on KDE and
// Windows) but leaves Tab in the order the buttons were added, so Tab jumped backwards
// across the row on some desktops.
#pragma once

#include <QObject>

class QDialogButtonBox;

class ButtonRowTabOrder : public QObject
{
    Q_OBJECT

public:
    // Follows the box from now on (it is the helper's parent); returns the helper.
    static ButtonRowTabOrder *follow(QDialogButtonBox *box);

    // Puts the buttons in the focus chain in their layout's order, once.
    void apply();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ButtonRowTabOrder(QDialogButtonBox *box);

    QDialogButtonBox *m_box;
};
