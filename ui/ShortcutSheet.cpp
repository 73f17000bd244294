#include "ShortcutSheet.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QList<ShortcutSheet::Entry> ShortcutSheet::entries()
{
    const QString nav = tr("Move around");
    const QString act = tr("Act on the conversation");
    const QString find = tr("Find");
    return {
        {nav, tr("J / Down"), tr("Next conversation")},
        {nav, tr("K / Up"), tr("Previous conversation")},
        {nav, tr("Enter"), tr("Open the conversation")},
        {nav, tr("Esc"), tr("Back to the conversation list")},
        {act, tr("Ctrl+N"), tr("New conversation: text a customer")},
        {act, tr("Ctrl+R"), tr("Resolve or reopen")},
        {act, tr("F / Ctrl+Shift+F"), tr("Flag or unflag")},
        {act, tr("A"), tr("Assign to me")},
        {act, tr("Shift+A"), tr("Assign to another agent…")},
        {act, tr("S"), tr("Snooze: 1 hour, tomorrow 9:00, next week, or a time you pick")},
        {act, tr("Ctrl+Shift+N"), tr("Write an internal note for the team (not sent)")},
        {find, tr("/ or Ctrl+F"), tr("Search messages and contacts")},
        {find, tr("?"), tr("Show this list")},
    };
}

ShortcutSheet::ShortcutSheet(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"shortcutSheet"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(6);
    int row = 0;
    QString group;
    for (const Entry &e : entries()) {
        if (e.group != group) {
            group = e.group;
            auto *heading = new QLabel(group);
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
            grid->addWidget(heading, row++, 0, 1, 2);
        }
        auto *keys = new QLabel(e.keys);
        keys->setObjectName(u"shortcutKeys"_s);
        keys->setProperty("shortcutKeys", true);
        keys->setStyleSheet(u"QLabel { font-family: monospace; padding: 2px 6px; "
                            u"border: 1px solid palette(mid); border-radius: 4px; }"_s);
        grid->addWidget(keys, row, 0, Qt::AlignLeft);
        grid->addWidget(new QLabel(e.description), row, 1);
        ++row;
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(buttons);
}
