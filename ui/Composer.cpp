#include "Composer.h"

#include "ComposerTokens.h"
#include "FlowLayout.h"
#include "OutgoingMessage.h"
#include "SegmentCounter.h"
#include "SmartCharacters.h"
#include "TemplateText.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *banner(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

} // namespace

Composer::Composer(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit)
    , m_counter(new QLabel)
    , m_ucs2(new QLabel)
    , m_replace(new QPushButton(tr("Replace smart punctuation")))
    , m_ucs2Row(new QWidget)
    , m_canned(new QToolButton)
    , m_cannedMenu(new QMenu(this))
    , m_send(new QPushButton(tr("Send")))
    , m_sendLater(new QToolButton)
    , m_note(new QToolButton)
    , m_blocked(banner(u"composerBlockedBanner"_s))
    , m_warning(banner(u"composerWarningBanner"_s))
    , m_error(banner(u"composerErrorBanner"_s))
    , m_tokenProblem(banner(u"composerTokenProblem"_s))
    , m_preview(banner(u"composerPreview"_s))
    , m_namePrompt([](QWidget *parent) {
        return QInputDialog::getText(parent, tr("Save as canned reply"), tr("Name:"));
    })
{
    setObjectName(u"composer"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_edit->setObjectName(u"composerEdit"_s);
    m_edit->setAccessibleName(tr("Reply"));
    m_edit->setPlaceholderText(replyPlaceholder());
    m_edit->setTabChangesFocus(true);
    m_edit->setFixedHeight(84);
    m_edit->installEventFilter(this);
    // Set while the editor is no child yet: with the canned-replies menu a child popup, Qt
    // 6.4's setFocusProxy cut the composer's controls out of the window's Tab chain.
    setFocusProxy(m_edit);
    m_counter->setObjectName(u"composerCounter"_s);
    m_ucs2->setObjectName(u"composerUcs2"_s);
    m_replace->setObjectName(u"composerReplaceSmart"_s);
    m_replace->setProperty("linkButton", true);
    m_replace->setCursor(Qt::PointingHandCursor);
    m_canned->setObjectName(u"composerCanned"_s);
    m_canned->setText(tr("Canned replies"));
    m_canned->setPopupMode(QToolButton::InstantPopup);
    m_canned->setMenu(m_cannedMenu);
    m_cannedMenu->setObjectName(u"composerCannedMenu"_s);
    m_send->setObjectName(u"composerSend"_s);
    m_send->setDefault(false);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_note->setObjectName(u"composerNoteMode"_s);
    m_note->setText(tr("Note"));
    m_note->setCheckable(true);
    m_note->setToolTip(tr("Write an internal note for the team, never sent (Ctrl+Shift+N)"));
    m_note->hide();
    auto *noteShortcut = new QAction(this);
    noteShortcut->setObjectName(u"composerNoteShortcut"_s);
    noteShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    noteShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(noteShortcut);
    connect(noteShortcut, &QAction::triggered, this, [this] {
        if (m_note->isVisible())
            setNoteMode(!m_noteMode);
    });
    connect(m_note, &QToolButton::toggled, this, &Composer::setNoteMode);

    // Why the text costs more, and the fix, on their own line: they come and go as one types.
    m_ucs2Row->setObjectName(u"composerUcs2Row"_s);
    auto *ucs2 = new QHBoxLayout(m_ucs2Row);
    ucs2->setContentsMargins(0, 0, 0, 0);
    ucs2->setSpacing(8);
    ucs2->addWidget(m_ucs2);
    ucs2->addWidget(m_replace);
    ucs2->addStretch();

    m_sendLater->setObjectName(u"composerSendLater"_s);
    m_sendLater->setText(tr("Send later\u2026"));
    m_sendLater->setToolTip(tr("Schedule this reply for a day and time in the customer's zone"));
    // Three groups in one line when there is room, wrapping on a narrow pane with Send kept
    // at the right: the pane never holds the window wide and nothing is cut off.
    auto *insert = new QWidget;
    auto *insertLayout = new QHBoxLayout(insert);
    insertLayout->setContentsMargins(0, 0, 0, 0);
    insertLayout->setSpacing(10);
    insertLayout->addWidget(m_note);
    insertLayout->addWidget(m_canned);
    auto *sending = new QWidget;
    auto *sendingLayout = new QHBoxLayout(sending);
    sendingLayout->setContentsMargins(0, 0, 0, 0);
    sendingLayout->setSpacing(10);
    sendingLayout->addWidget(m_sendLater);
    sendingLayout->addWidget(m_send);
    auto *tools = new FlowLayout(nullptr, 10);
    tools->setLastItemRight(true);
    tools->addWidget(insert);
    tools->addWidget(m_counter);
    tools->addWidget(sending);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(8);
    layout->addWidget(m_blocked);
    layout->addWidget(m_warning);
    layout->addWidget(m_error);
    layout->addWidget(m_tokenProblem);
    layout->addWidget(m_edit);
    layout->addWidget(m_preview);
    layout->addWidget(m_ucs2Row);
    layout->addLayout(tools);

    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        m_error->hide();
        refresh();
        if (!m_settingBody)
            Q_EMIT edited();
    });
    connect(m_send, &QPushButton::clicked, this, &Composer::send);
    connect(m_sendLater, &QToolButton::clicked, this, [this] {
        const ComposerTokens::Check tokens = outgoing();
        if (!m_noteMode && !isSendingBlocked() && !body().trimmed().isEmpty() &&
            tokens.problem.isEmpty())
            Q_EMIT sendLaterRequested(tokens.text);
    });
    connect(m_replace, &QPushButton::clicked, this, &Composer::replaceSmartPunctuation);
    connect(m_cannedMenu, &QMenu::aboutToShow, this, &Composer::rebuildCannedMenu);
    rebuildCannedMenu();
    refresh();
}

QString Composer::body() const
{
    return m_edit->toPlainText();
}

void Composer::setBody(const QString &body)
{
    m_settingBody = true;
    m_edit->setPlainText(body);
    m_edit->moveCursor(QTextCursor::End);
    m_settingBody = false;
}

void Composer::setCannedReplies(const QList<CannedReplyRows::Reply> &replies)
{
    m_replies = replies;
    rebuildCannedMenu();
}

void Composer::setTemplateValues(const QHash<QString, QString> &values)
{
    m_values = values;
    rebuildCannedMenu();
    refresh();
}

void Composer::setNamePrompt(std::function<QString(QWidget *)> prompt)
{
    m_namePrompt = std::move(prompt);
}

void Composer::setBlockedReason(const QString &reason)
{
    m_blockedReason = reason;
    m_blocked->setText(reason);
    m_blocked->setVisible(!reason.isEmpty());
    refresh();
}

void Composer::setWarning(const QString &warning)
{
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
}

void Composer::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

QString Composer::counterText(const SegmentCount &count)
{
    const QString segments =
        count.segments == 1 ? tr("1 segment") : tr("%1 segments").arg(count.segments);
    return segments + u" \u00b7 "_s + SegmentCount::encodingName(count.encoding) + u" \u00b7 "_s +
           tr("%1 left").arg(count.remainingInSegment);
}

QString Composer::ucs2Text(const SegmentCount &count)
{
    if (count.encoding != SegmentCount::Encoding::Ucs2)
        return {};
    return tr("UCS-2 because of %1").arg(count.nonGsmCharacters.join(u' '));
}

void Composer::setConversationOpen(bool open)
{
    setEnabled(open);
    m_edit->setPlaceholderText(!open        ? tr("Select a conversation")
                               : m_noteMode ? notePlaceholder()
                                            : replyPlaceholder());
}

QString Composer::replyPlaceholder()
{
    return tr("Write a reply\u2026  (Ctrl+Enter to send)");
}

ComposerTokens::Check Composer::outgoing() const
{
    // A note is for the team: its braces are nobody's fields.
    if (m_noteMode)
        return {body(), {}, false};
    return ComposerTokens::check(body(), m_values);
}

void Composer::refresh()
{
    const QString text = body();
    const ComposerTokens::Check tokens = outgoing();
    // The customer gets the filled text: it is what is counted, previewed and limited.
    const SegmentCount count = SegmentCounter::count(tokens.text);
    m_tokenProblem->setText(tokens.problem);
    m_tokenProblem->setVisible(!tokens.problem.isEmpty());
    m_preview->setText(tr("Sends as: %1").arg(tokens.text));
    m_preview->setVisible(tokens.hasTokens && tokens.problem.isEmpty());
    m_counter->setText(counterText(count));
    m_counter->setProperty("multiSegment", count.segments > 1);
    const QString ucs2 = ucs2Text(count);
    m_ucs2->setText(ucs2);
    m_ucs2->setVisible(!ucs2.isEmpty());
    m_ucs2Row->setVisible(!ucs2.isEmpty());
    m_replace->setVisible(!ucs2.isEmpty() && !SmartCharacters::findReplaceable(text).isEmpty());
    const bool tooLong = !m_noteMode && tokens.text.size() > OutgoingMessage::MaxBodyChars;
    if (tooLong) {
        m_counter->setText(tr("%1 characters: a text holds at most %2")
                               .arg(tokens.text.size())
                               .arg(OutgoingMessage::MaxBodyChars));
    }
    m_counter->setProperty("tooLong", tooLong);
    // A note goes to no customer: consent and the like do not hold it back.
    const bool sendable = !text.trimmed().isEmpty() && !tooLong && tokens.problem.isEmpty();
    m_send->setEnabled((m_noteMode || !isSendingBlocked()) && sendable);
    m_sendLater->setEnabled(!m_noteMode && !isSendingBlocked() && sendable);
}

void Composer::setNoteMode(bool on)
{
    if (on && !m_note->isVisible())
        return;
    m_noteMode = on;
    if (m_note->isChecked() != on)
        m_note->setChecked(on);
    m_edit->setProperty("noteMode", on);
    // Amber like the notes in the thread, so nobody mistakes it for a reply.
    m_edit->setStyleSheet(
        on ? u"QPlainTextEdit { background: #fef3c7; border: 1px solid #f5c84c; }"_s : QString());
    m_edit->setPlaceholderText(on ? notePlaceholder() : replyPlaceholder());
    m_send->setText(on ? tr("Add note") : tr("Send"));
    m_send->setToolTip(on ? tr("Add the note (Ctrl+Enter)") : tr("Send (Ctrl+Enter)"));
    m_counter->setVisible(!on);
    refresh();
}

void Composer::setNotesAvailable(bool available)
{
    m_note->setVisible(available);
    if (!available)
        setNoteMode(false);
}

QString Composer::notePlaceholder()
{
    return tr("Internal note for the team, never sent to the customer; @Name mentions a "
              "teammate  (Ctrl+Enter to add)");
}

void Composer::send()
{
    const QString text = body();
    if (m_noteMode) {
        if (text.trimmed().isEmpty())
            return;
        Q_EMIT noteRequested(text);
        m_edit->clear();
        return;
    }
    const ComposerTokens::Check tokens = outgoing();
    if (isSendingBlocked() || text.trimmed().isEmpty() || !tokens.problem.isEmpty())
        return;
    Q_EMIT sendRequested(tokens.text);
    m_edit->clear(); // announced as an edit: the pane drops the draft
}

void Composer::replaceSmartPunctuation()
{
    const QString text = body();
    const QString replaced = SmartCharacters::replaceWithGsm(text);
    if (replaced == text)
        return;
    // One edit block, so a single Ctrl+Z brings the original back.
    QTextCursor cursor(m_edit->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(replaced);
    cursor.endEditBlock();
}

void Composer::rebuildCannedMenu()
{
    m_cannedMenu->clear();
    for (const CannedReplyRows::Reply &reply : std::as_const(m_replies)) {
        const TemplateText::Rendered rendered = TemplateText(reply.body).render(m_values);
        // A field this customer has no value for stays a field: it shows, and holds the send
        // back saying so, instead of silently vanishing from the text.
        const QString inserted = rendered.missing.isEmpty() ? rendered.text : reply.body;
        QAction *action = m_cannedMenu->addAction(reply.name);
        action->setObjectName(u"canned_"_s + QString::number(reply.id));
        action->setToolTip(rendered.text);
        connect(action, &QAction::triggered, this, [this, inserted] { insertCanned(inserted); });
    }
    if (m_replies.isEmpty()) {
        QAction *none = m_cannedMenu->addAction(tr("No canned replies yet"));
        none->setEnabled(false);
    }
    m_cannedMenu->addSeparator();
    QAction *save = m_cannedMenu->addAction(tr("Save as canned reply\u2026"));
    save->setObjectName(u"cannedSave"_s);
    connect(save, &QAction::triggered, this, [this] {
        const QString text = body();
        if (text.trimmed().isEmpty()) {
            showError(tr("Type the reply first, then save it as a canned reply."));
            return;
        }
        const QString name = m_namePrompt(this).trimmed();
        if (!name.isEmpty())
            Q_EMIT saveCannedReplyRequested(name, text);
    });
}

void Composer::insertCanned(const QString &body)
{
    m_edit->insertPlainText(body);
    m_edit->setFocus();
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
