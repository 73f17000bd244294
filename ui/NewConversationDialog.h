// "New conversation": the customer's number as typed (checked with libphonenumber, read in the
// region of the chosen sender number) and which of the account's numbers to text from.
// Finding or creating the thread is the caller's (through the StoreWriter) once accepted.
#pragma once

#include "SenderNumberRows.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

class NewConversationDialog : public QDialog
{
    Q_OBJECT

public:
    // numbers: the account's sender numbers (send-only ones included), as SenderNumberRows
    // lists them. Those that cannot text (voice only) are not offered.
    explicit NewConversationDialog(const QList<SenderNumberRows::Row> &numbers,
                                   QWidget *parent = nullptr);

    // What is wrong with the typed number for the chosen sender, or '' when it can be
    // texted. Also shown under the field.
    QString validate();

    // After accept(): the customer's canonical number and the chosen sender number.
    QString customerNumber() const { return m_customer; }
    qint64 senderNumberId() const;
    QString senderNumber() const;

    QLineEdit *numberEdit() const { return m_number; }
    QComboBox *senderBox() const { return m_sender; }
    QLabel *errorLabel() const { return m_error; }

    // "Support · +1 415-555-0100 (send-only)"
    static QString senderText(const SenderNumberRows::Row &row);

public Q_SLOTS:
    // Closes only when the number is valid; otherwise says what is wrong and stays open.
    void accept() override;

private:
    QList<SenderNumberRows::Row> m_own;     // every number of ours, to refuse texting one
    QList<SenderNumberRows::Row> m_numbers; // the ones offered: those that can text
    QLineEdit *m_number;
    QComboBox *m_sender;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QString m_customer;
};
