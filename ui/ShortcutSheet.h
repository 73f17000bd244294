// The "?" dialog: every keyboard shortcut of the inbox, grouped, in one place.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class ShortcutSheet : public QDialog
{
    Q_OBJECT

public:
    struct Entry
    {
        QString group;
        QString keys; // as shown, e.g. "J / ↓"
        QString description;
    };

    explicit ShortcutSheet(QWidget *parent = nullptr);

    // Everything the sheet lists, in order.
    static QList<Entry> entries();
};
