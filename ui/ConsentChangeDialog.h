// The contact panel's "Unsubscribe…" and "Re-subscribe…" dialogs: a reason (or evidence) is
// required, and the change covers our one number or every number of the account.
#pragma once

#include "ConsentEvent.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;

class ConsentChangeDialog : public QDialog
{
    Q_OBJECT

public:
    // kind OptOut: unsubscribe (source agent, reason required). OptIn: re-subscribe (source
    // form, import or agent, evidence required). senderNumber: the thread's number of ours.
    ConsentChangeDialog(ConsentEvent::Kind kind, const QString &customerNumber,
                        const QString &customerDisplay, const QString &senderNumber,
                        const QString &senderDisplay, const QString &actor,
                        QWidget *parent = nullptr);

    // The event the form describes, stamped now.
    ConsentEvent event() const;
    // Why it cannot be recorded yet, '' when it can.
    QString problem() const;

    void accept() override;

private:
    void refresh();

    ConsentEvent::Kind m_kind;
    QString m_customer;
    QString m_sender;
    QString m_actor;
    QPlainTextEdit *m_reason;
    QComboBox *m_source = nullptr;
    QRadioButton *m_thisNumber;
    QRadioButton *m_allNumbers;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
