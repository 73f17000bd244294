// Every text the window shows can be translated: the committed German .ts lists it as a
// source string (lupdate found it in a tr() call), every message of it is translated, and
// with the German translation installed the window speaks German.
#include "AboutDialog.h"
#include "AccountSetupDialog.h"
#include "ConsentChangeDialog.h"
#include "ContactImportDialog.h"
#include "JoinTeamDialog.h"
#include "MediaViewerDialog.h"
#include "MessageBubbleDelegate.h"
#include "NavigationRail.h"
#include "NewConversationDialog.h"
#include "SendLaterDialog.h"
#include "ShellFixture.h"
#include "ShortcutSheet.h"
#include "TeamWorkspace.h"
#include "Translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTextDocument>
#include <QTimer>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using F = ThreadFixture;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString type; // "unfinished", "vanished", "obsolete" or '' (finished)
    // Kept for a string that left the sources: not in the .qm, not a source today.
    bool gone() const { return type == u"vanished" || type == u"obsolete"; }
    bool numerus = false;
    QStringList translations;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message =
                TsMessage{context, {}, {}, xml.attributes().value("numerus"_L1) == "yes"_L1, {}};
        } else if (name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (name == "translation"_L1) {
            message.type = xml.attributes().value("type"_L1).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.translations.append(xml.readElementText());
            } else {
                message.translations.append(xml.readElementText());
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

bool hasLetter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}

// A source string as a pattern of what it can look like on screen: each %1, %L2 or %n stands
// for anything. Sources that are only placeholders ("%1") would match everything: skipped.
QString sourcePattern(const QString &source)
{
    static const QRegularExpression placeholder(u"%L?(\\d{1,2}|n)"_s);
    QString pattern;
    QString literal;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(source); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString part = source.mid(at, m.capturedStart() - at);
        literal += part;
        pattern += QRegularExpression::escape(part) + u".*"_s;
        at = m.capturedEnd();
    }
    literal += source.mid(at);
    pattern += QRegularExpression::escape(source.mid(at));
    return hasLetter(literal) ? pattern : QString();
}

// One visible text and where it was seen.
struct Seen
{
    QString text;
    QString where;
};

QString describe(const QObject *object)
{
    QString path;
    for (const QObject *o = object; o; o = o->parent()) {
        const QString name = o->objectName().isEmpty()
                                 ? QString::fromLatin1(o->metaObject()->className())
                                 : o->objectName();
        path = path.isEmpty() ? name : name + u'/' + path;
    }
    return path;
}

void collectActions(const QList<QAction *> &actions, const QString &where, QList<Seen> *out)
{
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        out->append({action->text(), where + u" action"_s});
        if (action->toolTip() != action->text() &&
            action->toolTip() != QString(action->text()).remove(u'&'))
            out->append({action->toolTip(), where + u" action tooltip"_s});
        if (QMenu *menu = action->menu()) {
            out->append({menu->title(), where + u" menu"_s});
            collectActions(menu->actions(), where + u'/' + action->text(), out);
        }
    }
}

// Every text a person can read in `root` and its children, hidden ones included (another tab,
// a state not shown now): labels, buttons, group titles, placeholders, tooltips, window
// titles, tabs, actions and menus, the header of item views, combo and list entries.
QList<Seen> visibleTexts(QWidget *root)
{
    QList<Seen> out;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        const QString where = describe(w);
        if (w->isWindow())
            out.append({w->windowTitle(), where + u" title"_s});
        out.append({w->toolTip(), where + u" tooltip"_s});
        if (auto *label = qobject_cast<QLabel *>(w)) {
            out.append({label->text(), where + u" label"_s});
        }
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            out.append({button->text(), where + u" button"_s});
        if (auto *group = qobject_cast<QGroupBox *>(w))
            out.append({group->title(), where + u" group"_s});
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            out.append({edit->placeholderText(), where + u" placeholder"_s});
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            out.append({edit->placeholderText(), where + u" placeholder"_s});
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            out.append({spin->specialValueText(), where + u" special value"_s});
        if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            out.append({spin->prefix().trimmed(), where + u" prefix"_s});
            out.append({spin->suffix().trimmed(), where + u" suffix"_s});
        }
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                out.append({tabs->tabText(i), where + u" tab"_s});
                out.append({tabs->tabToolTip(i), where + u" tab tooltip"_s});
            }
        }
        // Items taken from QLocale's data (country names) are CLDR's, not ours to translate.
        if (auto *combo = qobject_cast<QComboBox *>(w);
            combo && !combo->property("smsdeskLocaleData").toBool()) {
            for (int i = 0; i < combo->count(); ++i)
                out.append({combo->itemText(i), where + u" combo item"_s});
        }
        if (auto *list = qobject_cast<QListWidget *>(w)) {
            for (int i = 0; i < list->count(); ++i)
                out.append({list->item(i)->text(), where + u" list item"_s});
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            for (int c = 0; c < view->model()->columnCount(); ++c)
                out.append({view->model()->headerData(c, Qt::Horizontal).toString(),
                            where + u" header"_s});
        }
        if (auto *menu = qobject_cast<QMenu *>(w))
            out.append({menu->title(), where + u" menu"_s});
        collectActions(w->actions(), where, &out);
    }
    return out;
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyMessageIsTranslated();
    void patternsMatchArguments();
    void everyShellTextIsTranslatable();
    void everyDialogTextIsTranslatable();
    void germanWindowSpeaksGerman();
    void englishInstallsNothing();

private:
    // Fails listing every text of `texts` that is not a source string of the .ts.
    void verifyTranslatable(const QList<Seen> &texts);
    bool translatable(const QString &text) const;

    QList<TsMessage> m_messages;
    QRegularExpression m_sources;
    QRegularExpression m_twoSources;
    // Texts that are data, not ours to translate: the product's name, the fixture's people,
    // numbers and accounts, and formats shown as examples.
    QSet<QString> m_data;
    std::unique_ptr<ShellFixture> m_shell;
};

void TstTranslations::initTestCase()
{
    QString error;
    m_messages = readTs(QStringLiteral(SMSDESK_GERMAN_TS), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_messages.size() > 700);
    QStringList patterns;
    for (const TsMessage &m : std::as_const(m_messages)) {
        if (m.gone())
            continue;
        const QString p = sourcePattern(m.source);
        if (!p.isEmpty())
            patterns.append(p);
    }
    m_sources.setPattern(u"\\A(?:"_s + patterns.join(u'|') + u")\\z"_s);
    m_sources.setPatternOptions(QRegularExpression::DotMatchesEverythingOption);
    // The same alternatives twice, written once: (?1) repeats the first group.
    m_twoSources.setPattern(u"\\A((?:"_s + patterns.join(u'|') + u"))(?1)\\z"_s);
    m_twoSources.setPatternOptions(QRegularExpression::DotMatchesEverythingOption);
    QVERIFY2(m_twoSources.isValid(), qPrintable(m_twoSources.errorString()));
    QVERIFY2(m_sources.isValid(), qPrintable(m_sources.errorString()));
    m_data = {u"SMS Desk"_s, u"Ana Lima"_s, u"Support"_s, u"Sales"_s,           u"alice"_s,
              u"AC…"_s,      u"SK…"_s,      u"Twilio"_s,  u"smsdesk-sandbox"_s, u"Bakery"_s};
    // Qt's own texts (standard buttons), translated by Qt's qtbase translation.
    m_data += {u"OK"_s,    u"&OK"_s,    u"Cancel"_s, u"&Cancel"_s, u"Close"_s, u"&Close"_s,
               u"Yes"_s,   u"&Yes"_s,   u"No"_s,     u"&No"_s,     u"Save"_s,  u"&Save"_s,
               u"Apply"_s, u"&Apply"_s, u"Reset"_s,  u"Discard"_s, u"Help"_s,  u"&Help"_s};
}

bool TstTranslations::translatable(const QString &text) const
{
    // "&&" shows one ampersand in an action's or a button's text ("Numbers && Keywords").
    if (text.contains(u"&&"_s))
        return translatable(QString(text).replace(u"&&"_s, u"&"_s));
    // Template tokens ({{first_name}}) are the same in every language.
    static const QRegularExpression tokens(u"\\{\\{[^{}]*\\}\\}"_s);
    const QString plain = QString(text).remove(tokens).trimmed();
    if (!hasLetter(plain) || m_data.contains(plain) || m_sources.match(text).hasMatch() ||
        m_sources.match(plain).hasMatch())
        return true;
    // Two translated sentences one after the other ("… per text; about … for 3 contacts").
    if (m_twoSources.match(plain).hasMatch())
        return true;
    // A rich text label: its text without the markup, line by line.
    if (Qt::mightBeRichText(plain)) {
        QTextDocument document;
        document.setHtml(plain);
        const QString lines = document.toPlainText();
        return lines != plain && translatable(lines);
    }
    // A count after a name ("Unresolved 3").
    static const QRegularExpression count(u"^(.*\\D)\\s+\\d+$"_s);
    if (const auto m = count.match(plain); m.hasMatch())
        return translatable(m.captured(1));
    // Texts put together from several pieces ("Sent · 09:30", "Support — +1 415… (Long
    // code)"): each piece on its own.
    static const QRegularExpression separators(u"\n| \u00b7 | \u2014 |: |, |; | \\(|\\)$"_s);
    const QStringList parts = plain.split(separators, Qt::SkipEmptyParts);
    if (parts.size() < 2)
        return false;
    return std::all_of(parts.cbegin(), parts.cend(),
                       [this](const QString &part) { return translatable(part); });
}

void TstTranslations::verifyTranslatable(const QList<Seen> &texts)
{
    QStringList missing;
    QSet<QString> reported;
    QSet<QString> distinct;
    for (const Seen &seen : texts) {
        if (hasLetter(seen.text))
            distinct.insert(seen.text);
    }
    qInfo("%d distinct texts with letters checked", int(distinct.size()));
    for (const Seen &seen : texts) {
        if (seen.text.isEmpty() || translatable(seen.text) || reported.contains(seen.text))
            continue;
        reported.insert(seen.text);
        missing.append(u"\"%1\" (%2)"_s.arg(seen.text, seen.where));
        // QVERIFY2 cuts long messages: each one is also logged whole.
        qWarning("not translatable: %s", qPrintable(missing.constLast()));
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"%1 text(s) not in the .ts (wrap them in tr() and run the "
                        u"update_translations target):\n"_s.arg(missing.size()) +
                        missing.join(u'\n')));
}

void TstTranslations::everyMessageIsTranslated()
{
    QStringList unfinished;
    for (const TsMessage &m : std::as_const(m_messages)) {
        const bool empty = std::any_of(m.translations.cbegin(), m.translations.cend(),
                                       [](const QString &t) { return t.isEmpty(); });
        if (m.type == u"unfinished" || (!m.gone() && (empty || m.translations.isEmpty())))
            unfinished.append(m.context + u": "_s + m.source);
    }
    QVERIFY2(unfinished.isEmpty(),
             qPrintable(u"%1 message(s) not translated:\n"_s.arg(unfinished.size()) +
                        unfinished.join(u'\n')));
}

void TstTranslations::patternsMatchArguments()
{
    QVERIFY(translatable(u"Inbox"_s));
    QVERIFY(translatable(u"Internal note \u00b7 Alice"_s)); // "Internal note · %1"
    QVERIFY(!translatable(u"Surely nobody wrote this sentence"_s));
    QVERIFY(translatable(u"Unresolved 3"_s));
    QVERIFY(translatable(u"Today; about 2 USD for 3 contacts"_s)); // two sources in a row
    QVERIFY(translatable(u"+1 415 555 2001"_s));                   // no letter: data
}

void TstTranslations::everyShellTextIsTranslatable()
{
    m_shell = std::make_unique<ShellFixture>();
    QVERIFY(m_shell->open());
    QVERIFY(m_shell->fx().setContact(F::AccountA, u"+14155552001"_s, u"Ana Lima"_s, u"yes"_s));
    QVERIFY(m_shell->fx().upsert(F::AccountA,
                                 {F::message(u"+14155552001"_s, F::Support, u"Hello there"_s,
                                             QDateTime::currentDateTimeUtc().addSecs(-60))}));
    QVERIFY(m_shell->start());
    MainWindow *window = m_shell->window();
    // Every page is built on its first visit.
    for (int page = 0; page < NavigationRail::PageCount; ++page) {
        window->showPage(NavigationRail::Page(page));
        QTest::qWait(50);
    }
    window->showPage(NavigationRail::Inbox);
    QTRY_VERIFY(m_shell->shell()->threads()->rowCount() > 0);
    m_shell->shell()->openThread(m_shell->shell()->threads()->threadIdAt(0));
    QTest::qWait(100);
    verifyTranslatable(visibleTexts(window));
}

void TstTranslations::everyDialogTextIsTranslatable()
{
    QVERIFY(m_shell);
    QList<Seen> texts;
    QWidget *window = m_shell->window();
    AboutDialog about(window);
    texts += visibleTexts(&about);
    ShortcutSheet shortcuts(window);
    texts += visibleTexts(&shortcuts);
    ConsentChangeDialog optOut(ConsentEvent::Kind::OptOut, u"+14155552001"_s, u"Ana Lima"_s,
                               u"+14155550100"_s, u"Support"_s, u"alice"_s, window);
    texts += visibleTexts(&optOut);
    ConsentChangeDialog optIn(ConsentEvent::Kind::OptIn, u"+14155552001"_s, u"Ana Lima"_s,
                              u"+14155550100"_s, u"Support"_s, u"alice"_s, window);
    texts += visibleTexts(&optIn);
    SendLaterDialog later(u"America/New_York"_s, u"Hello"_s, 0, window);
    texts += visibleTexts(&later);
    MediaViewerDialog media(u"/nonexistent/picture.png"_s, u"image/png"_s, window);
    texts += visibleTexts(&media);
    ContactImportDialog import(m_shell->writer(), F::AccountA, u"alice"_s, window);
    texts += visibleTexts(&import);
    JoinTeamDialog join(m_shell->shell()->team()->commands(), F::AccountA, u"Support"_s, window);
    texts += visibleTexts(&join);

    // The shell's own dialogs: New conversation (Ctrl+N) and account setup.
    m_shell->shell()->newConversation();
    NewConversationDialog *conversation = nullptr;
    QTRY_VERIFY((conversation = window->findChild<NewConversationDialog *>()));
    texts += visibleTexts(conversation);
    conversation->reject();
    // The setup dialog runs its own loop: read it from inside.
    bool sawSetup = false;
    QTimer::singleShot(0, window, [&] {
        if (auto *setup = window->findChild<AccountSetupDialog *>()) {
            sawSetup = true;
            texts += visibleTexts(setup);
            setup->reject();
        }
    });
    m_shell->shell()->showAccountSetup();
    QVERIFY(sawSetup);
    verifyTranslatable(texts);
}

void TstTranslations::germanWindowSpeaksGerman()
{
    m_shell.reset();
    QCOMPARE(Translations::languages(), QStringList{u"de"_s});
    const QStringList installed = Translations::install(qApp, QLocale(QLocale::German));
    QVERIFY(installed.contains(Translations::resourceDirectory() + u"/smsdesk_de.qm"_s));
    auto uninstall = qScopeGuard([] {
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    });
    QCOMPARE(NavigationRail::title(NavigationRail::Inbox), u"Posteingang"_s);

    m_shell = std::make_unique<ShellFixture>();
    QVERIFY(m_shell->open());
    QVERIFY(m_shell->start());
    auto *rail = m_shell->window()->rail();
    QCOMPARE(rail->item(NavigationRail::Inbox)->text(), u"Posteingang"_s);
    QCOMPARE(rail->item(NavigationRail::Campaigns)->text(), u"Kampagnen"_s);
    // Qt's own buttons in German too, when the system has Qt's translations.
    if (QFile::exists(Translations::qtTranslationsDirectory() + u"/qtbase_de.qm"_s))
        QCOMPARE(installed.size(), 2);
    // Texts painted by delegates, and dates in German order.
    QCOMPARE(MessageBubbleDelegate::statusLabel(u"delivered"_s), u"Zugestellt"_s);
    QCOMPARE(MessageBubbleDelegate::dayLabel(QDate(2026, 12, 2), QDate(2026, 12, 7)),
             QLocale().dayName(3) + u", 2. "_s + QLocale().monthName(12));

    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QDir().mkpath(dir);
    // No English is left anywhere in the window: a text that is a source string whose German
    // differs was made without tr() at the time it is shown (a static, a table without
    // translate()).
    for (int page = 0; page < NavigationRail::PageCount; ++page) {
        m_shell->window()->showPage(NavigationRail::Page(page));
        QTest::qWait(50);
        if (!dir.isEmpty())
            QVERIFY(
                m_shell->window()->grab().save(dir + u"/translations-de-%1.png"_s.arg(page + 1)));
    }
    QHash<QString, QString> german;
    for (const TsMessage &m : std::as_const(m_messages)) {
        if (!m.gone() && !m.numerus && !m.translations.isEmpty() &&
            m.translations.first() != m.source)
            german.insert(m.source, m.translations.first());
    }
    QSet<QString> translated;
    for (const TsMessage &m : std::as_const(m_messages))
        translated.unite(QSet<QString>(m.translations.cbegin(), m.translations.cend()));
    QStringList english;
    for (const Seen &seen : visibleTexts(m_shell->window())) {
        if (hasLetter(seen.text) && german.contains(seen.text) && !translated.contains(seen.text))
            english.append(u"\"%1\" (%2; German: \"%3\")"_s.arg(seen.text, seen.where,
                                                                german.value(seen.text)));
    }
    english.removeDuplicates();
    for (const QString &line : std::as_const(english))
        qWarning("still English: %s", qPrintable(line));
    QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
    m_shell.reset();
}

void TstTranslations::englishInstallsNothing()
{
    QVERIFY(
        Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)).isEmpty());
    QVERIFY(Translations::install(qApp, QLocale::c()).isEmpty());
    // A language we do not have is English too.
    QVERIFY(Translations::install(qApp, QLocale(QLocale::Japanese)).isEmpty());
}

SHELL_TEST_MAIN(TstTranslations)
#include "tst_translations.moc"
