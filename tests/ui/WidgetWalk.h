// Walks a window's widget tree the way a screen reader and the Tab key do: which controls
// have no accessible name (as QAccessible reports it, so label buddies and button texts
// count), which icon-only buttons say nothing about themselves, and whether Tab visits
// every visible control once in reading order. Each finding names the widget with its
// object name, class and parent chain, so a failing test says what to fix.
#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QList>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QStringList>
#include <QTabBar>
#include <QTextEdit>
#include <QToolButton>
#include <QWidget>

class WidgetWalk
{
public:
    // "objectName (Class) < parent (Class) < ...", up to the window.
    static QString describe(const QWidget *w)
    {
        QStringList chain;
        for (const QWidget *p = w; p; p = p->parentWidget()) {
            const QString name =
                p->objectName().isEmpty() ? QStringLiteral("<unnamed>") : p->objectName();
            chain.append(
                QStringLiteral("%1 (%2)").arg(name, QLatin1String(p->metaObject()->className())));
            if (p->isWindow())
                break;
        }
        return chain.join(QStringLiteral(" < "));
    }

    static QString accessibleText(QWidget *w, QAccessible::Text which)
    {
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        return iface ? iface->text(which).trimmed() : QString();
    }

    // What a screen reader announces as the control's name. A combo box on Linux reports
    // its current text as its name when it has none (Qt leaves the label to a relation), so
    // for combo boxes only an explicit name or a label buddy counts.
    static QString accessibleName(QWidget *w)
    {
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (!combo->accessibleName().trimmed().isEmpty())
                return combo->accessibleName().trimmed();
            const QLabel *label = buddyOf(w);
            return label ? label->text().remove(QLatin1Char('&')).trimmed() : QString();
        }
        return accessibleText(w, QAccessible::Name);
    }

    static bool isInteractive(const QWidget *w)
    {
        return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QComboBox *>(w) ||
               qobject_cast<const QLineEdit *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
               qobject_cast<const QAbstractSlider *>(w) || qobject_cast<const QTextEdit *>(w) ||
               qobject_cast<const QPlainTextEdit *>(w) ||
               qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QTabBar *>(w);
    }

    // A button that shows only a picture: a sighted user reads its meaning from the icon,
    // everyone else from its name and description.
    static bool isIconOnly(const QWidget *w)
    {
        const auto *button = qobject_cast<const QAbstractButton *>(w);
        if (!button || button->icon().isNull())
            return false;
        if (const auto *tool = qobject_cast<const QToolButton *>(w);
            tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
            return true;
        return button->text().trimmed().isEmpty();
    }

    // Controls the checks look at: shown, and not a part Qt builds inside another control
    // (a combo box's or spin box's line edit, scroll bars, a header's sections), which
    // the owning control speaks for.
    static bool isChecked(QWidget *w, QWidget *root)
    {
        if (!w->isVisible() || (w != root && !root->isAncestorOf(w)) || w->isWindow())
            return false;
        for (QWidget *p = w->parentWidget(); p && p != root; p = p->parentWidget()) {
            if (qobject_cast<QComboBox *>(p) || qobject_cast<QAbstractSpinBox *>(p))
                return false;
        }
        if (qobject_cast<QAbstractSlider *>(w) && w->focusPolicy() == Qt::NoFocus)
            return false; // scroll bars of a scroll area
        // A view's headers and corner button: the view reports them as its header cells.
        if (auto *area = qobject_cast<QAbstractScrollArea *>(w->parentWidget());
            area && w != area->viewport() && w->focusPolicy() == Qt::NoFocus)
            return false;
        if (w->focusProxy())
            return false; // the proxy is the control (a tab widget's tab bar)
        if (qobject_cast<QLabel *>(w))
            return false; // read as its text; a selectable status line is no control
        return w->focusPolicy() != Qt::NoFocus || isInteractive(w);
    }

    // Every checked control under root without an accessible name, and every icon-only
    // button without a tooltip or description.
    static QStringList unnamedControls(QWidget *root)
    {
        QStringList problems;
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : std::as_const(widgets)) {
            if (!isChecked(w, root) || isQtInternal(w))
                continue;
            if (accessibleName(w).isEmpty())
                problems.append(QStringLiteral("no accessible name: ") + describe(w));
            if (isIconOnly(w) && accessibleText(w, QAccessible::Description).isEmpty())
                problems.append(QStringLiteral("icon-only, no tooltip or description: ") +
                                describe(w));
        }
        return problems;
    }

    // What the Tab key stops at: shown, enabled, taking focus by Tab.
    static bool isTabStop(const QWidget *w)
    {
        return w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus) &&
               !w->focusProxy() && !w->isWindow();
    }

    // The window's tab stops in focus-chain order, from the first after the window itself.
    static QList<QWidget *> tabChain(QWidget *window, QStringList *problems = nullptr)
    {
        QList<QWidget *> chain;
        QSet<QWidget *> seen;
        int steps = 0;
        for (QWidget *w = window->nextInFocusChain(); w && w != window; w = w->nextInFocusChain()) {
            if (++steps > 100000 || seen.contains(w)) {
                if (problems)
                    problems->append(QStringLiteral("focus chain loops without the window at ") +
                                     describe(w));
                break;
            }
            seen.insert(w);
            if (isTabStop(w) && w->window() == window)
                chain.append(w);
        }
        return chain;
    }

    // Tab from the first control visits every visible control under root once, in reading
    // order: each next stop is below the previous one, to its right on the same line, or
    // the top of a column to its right. Two stops are compared as the children of their
    // nearest common ancestor that hold them, so a splitter's panes (the list, the thread,
    // the contact panel) are read pane by pane.
    static QStringList tabOrderProblems(QWidget *root, int tolerance = 8)
    {
        QStringList problems;
        QWidget *window = root->window();
        const QList<QWidget *> whole = tabChain(window, &problems);
        QList<QWidget *> chain;
        for (QWidget *w : whole) {
            if (w == root || root->isAncestorOf(w))
                chain.append(w);
        }
        QSet<QWidget *> visited;
        for (QWidget *w : std::as_const(chain)) {
            if (visited.contains(w))
                problems.append(QStringLiteral("visited twice by Tab: ") + describe(w));
            visited.insert(w);
        }
        const QList<QWidget *> all = root->findChildren<QWidget *>();
        for (QWidget *w : all) {
            if (isTabStop(w) && w->window() == window && !visited.contains(w))
                problems.append(QStringLiteral("never reached by Tab: ") + describe(w));
        }
        chain = fromFirstStop(chain, tolerance);
        for (qsizetype i = 1; i < chain.size(); ++i) {
            QWidget *a = chain.at(i - 1);
            QWidget *b = chain.at(i);
            if (!readsAfter(a, b, tolerance))
                problems.append(QStringLiteral("Tab goes back in reading order: %1 [%2] -> %3 [%4]")
                                    .arg(describe(a), rectText(a), describe(b), rectText(b)));
        }
        return problems;
    }

    // Tab goes round: the chain read from the stop where reading order starts, which is the
    // rotation that goes back least often (a dialog's chain may start anywhere in its ring).
    static QList<QWidget *> fromFirstStop(const QList<QWidget *> &chain, int tolerance = 8)
    {
        qsizetype best = 0;
        qsizetype fewest = chain.size() + 1;
        for (qsizetype start = 0; start < chain.size(); ++start) {
            qsizetype back = 0;
            for (qsizetype i = 1; i < chain.size() && back < fewest; ++i) {
                if (!readsAfter(chain.at((start + i - 1) % chain.size()),
                                chain.at((start + i) % chain.size()), tolerance))
                    ++back;
            }
            if (back < fewest) {
                fewest = back;
                best = start;
            }
        }
        QList<QWidget *> rotated;
        for (qsizetype i = 0; i < chain.size(); ++i)
            rotated.append(chain.at((best + i) % chain.size()));
        return rotated;
    }

    static QRect globalRect(const QWidget *w)
    {
        return QRect(w->mapToGlobal(QPoint(0, 0)), w->size());
    }

private:
    static const QLabel *buddyOf(const QWidget *w)
    {
        const QWidget *parent = w->parentWidget();
        if (!parent)
            return nullptr;
        for (const QLabel *label : parent->findChildren<QLabel *>(Qt::FindDirectChildrenOnly)) {
            if (label->buddy() == w)
                return label;
        }
        return nullptr;
    }

    // Parts Qt shows on its own and names itself or not at all (a toolbar's overflow arrow,
    // a table's corner button), which the application cannot reach but through internals.
    static bool isQtInternal(const QWidget *w)
    {
        return w->objectName().startsWith(QLatin1String("qt_"));
    }

    static QString rectText(const QWidget *w)
    {
        const QRect r = globalRect(w);
        return QStringLiteral("%1,%2 %3x%4").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    }

    // The child of `ancestor` that holds w (w itself when it is a direct child).
    static QWidget *childHolding(QWidget *ancestor, QWidget *w)
    {
        while (w && w->parentWidget() != ancestor)
            w = w->parentWidget();
        return w;
    }

    static bool readsAfter(QWidget *a, QWidget *b, int tol)
    {
        QWidget *common = a->parentWidget();
        while (common && !common->isAncestorOf(b))
            common = common->parentWidget();
        QWidget *ca = common ? childHolding(common, a) : a;
        QWidget *cb = common ? childHolding(common, b) : b;
        if (!ca || !cb || ca == cb || ca->isAncestorOf(b) || cb->isAncestorOf(a))
            return true;
        const QRect ra = globalRect(ca);
        const QRect rb = globalRect(cb);
        const bool below = rb.top() >= ra.bottom() - tol;
        const bool nextColumn = rb.left() >= ra.right() - tol && rb.top() < ra.bottom();
        const bool sameLine = rb.top() < ra.bottom() - tol && ra.top() < rb.bottom() - tol;
        const bool rightward = rb.center().x() >= ra.center().x();
        return below || nextColumn || (sameLine && rightward);
    }
};
