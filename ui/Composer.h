// Where an agent writes a reply: a live segment/encoding counter, the characters forcing
// UCS-2 with a one-click fix, canned replies, Ctrl+Enter to send, and banners saying when
// sending is refused or risky. In note mode (Ctrl+Shift+N) what is typed becomes an internal
// note for the team instead: the editor turns amber and nothing goes to the customer. Holds no
// data of its own: the pane feeds it and stores drafts.
#pragma once

#include "CannedReplyRows.h"
#include "ComposerTokens.h"
#include "SegmentCount.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

class Composer : public QWidget
{
    Q_OBJECT

public:
    explicit Composer(QWidget *parent = nullptr);

    QString body() const;
    // Replaces the text without announcing an edit (restoring a draft).
    void setBody(const QString &body);
    QPlainTextEdit *editor() const { return m_edit; }

    // Canned replies of the account; bodies are rendered with the contact's values.
    void setCannedReplies(const QList<CannedReplyRows::Reply> &replies);
    // The contact's values: fields typed or inserted ({{first_name|there}}) are filled with
    // them when sent, previewed, and hold the send back when one has nothing to fill it.
    void setTemplateValues(const QHash<QString, QString> &values);
    // What would go out: the typed text with its fields filled, or why it cannot.
    ComposerTokens::Check outgoing() const;
    QMenu *cannedMenu() const { return m_cannedMenu; }
    // Asks for the name of a new canned reply; an empty answer cancels. Tests replace the
    // default dialog.
    void setNamePrompt(std::function<QString(QWidget *parent)> prompt);

    // A reason sending is refused (red banner, send disabled); empty allows sending.
    void setBlockedReason(const QString &reason);
    // A warning shown while sending stays allowed (amber banner); empty hides it.
    void setWarning(const QString &warning);
    // A send or save that failed (red banner until the next edit).
    void showError(const QString &error);
    bool isSendingBlocked() const { return !m_blockedReason.isEmpty(); }
    // Without an open conversation the composer is disabled and says to select one.
    void setConversationOpen(bool open);
    // The editor's hint while a conversation is open.
    static QString replyPlaceholder();

    // Note mode: Send adds an internal note (noteRequested) instead of a reply. Offered only
    // when notes can be written (setNotesAvailable).
    void setNoteMode(bool on);
    bool isNoteMode() const { return m_noteMode; }
    void setNotesAvailable(bool available);
    QToolButton *noteButton() const { return m_note; }
    QToolButton *sendLaterButton() const { return m_sendLater; }
    static QString notePlaceholder();

    // "2 segments · GSM-7 · 45 left"
    static QString counterText(const SegmentCount &count);
    // "UCS-2 because of ’ “ ”"; empty for GSM-7.
    static QString ucs2Text(const SegmentCount &count);

public Q_SLOTS:
    // Sends what is typed (when allowed and not blank) and clears the editor.
    void send();
    void replaceSmartPunctuation();

Q_SIGNALS:
    // The text as the customer gets it: fields filled (outgoing().text).
    void sendRequested(const QString &body);
    // "Send later…": what is typed, fields filled, to schedule (the editor keeps it until it
    // is scheduled).
    void sendLaterRequested(const QString &body);
    // Note mode: an internal note to add to the thread (never sent).
    void noteRequested(const QString &body);
    // The agent changed the text (not setBody()).
    void edited();
    void saveCannedReplyRequested(const QString &name, const QString &body);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void rebuildCannedMenu();
    void insertCanned(const QString &body);

    QPlainTextEdit *m_edit;
    QLabel *m_counter;
    QLabel *m_ucs2;
    QPushButton *m_replace;
    QWidget *m_ucs2Row;
    QToolButton *m_canned;
    QMenu *m_cannedMenu;
    QPushButton *m_send;
    QToolButton *m_sendLater;
    QToolButton *m_note;
    QLabel *m_blocked;
    QLabel *m_warning;
    QLabel *m_error;
    QLabel *m_tokenProblem;
    QLabel *m_preview;
    QList<CannedReplyRows::Reply> m_replies;
    QHash<QString, QString> m_values;
    std::function<QString(QWidget *)> m_namePrompt;
    QString m_blockedReason;
    bool m_settingBody = false;
    bool m_noteMode = false;
};
