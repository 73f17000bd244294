// The customer beside the conversation: name, number, line type and text-enabled verdict,
// consent now and its history, tags, attributes, their other threads, and the hand-made
// unsubscribe / re-subscribe.
#pragma once

#include "ContactDetails.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class ChangeFeed;
class ConsentChangeDialog;
class ConsentCommands;
class QLabel;
class QPushButton;
class StoreReader;

class ContactPanel : public QWidget
{
    Q_OBJECT

public:
    // reader: the store's reader of this thread; changes: the store's change feed (what is
    // shown follows it); commands: records consent changes as its agent (may be null:
    // read-only). None is owned; all must outlive the panel.
    ContactPanel(const StoreReader &reader, ChangeFeed *changes, ConsentCommands *commands,
                 QWidget *parent = nullptr);

    // Shows the customer of a thread (our number senderNumber) of the account.
    void showCustomer(qint64 accountId, const QString &customerNumber, const QString &senderNumber,
                      qint64 threadId);
    void clear();
    // Re-reads what is shown (after a Lookup answer, say).
    void reload();

    const std::optional<ContactDetails> &details() const { return m_details; }
    // The open unsubscribe / re-subscribe dialog, if any (tests fill it in).
    ConsentChangeDialog *openDialog() const;
    void openUnsubscribe();
    void openResubscribe();

Q_SIGNALS:
    // "Check again": the lead wires it to LookupQueue.
    void checkTextEnabledRequested(const QString &customerNumber);
    // A consent event was recorded for this customer.
    void consentChanged(const QString &customerNumber);
    // One of the customer's other threads was clicked.
    void threadRequested(qint64 threadId);
    void failed(const QString &message);

private:
    void render();
    void openDialogFor(bool optOut);
    void record(const ConsentEvent &event);

    const StoreReader &m_reader;
    ConsentCommands *m_commands;
    qint64 m_accountId = 0;
    QString m_customer;
    QString m_sender;
    qint64 m_threadId = 0;
    std::optional<ContactDetails> m_details;
    // A QPointer, not a destroyed() slot: the dialog is a child, deleted after this panel's
    // own destructor has run.
    QPointer<ConsentChangeDialog> m_dialog;

    QLabel *m_name;
    QLabel *m_number;
    QLabel *m_reachability;
    QPushButton *m_checkAgain;
    QLabel *m_consentNow;
    QPushButton *m_unsubscribe;
    QPushButton *m_resubscribe;
    QLabel *m_history;
    QLabel *m_tags;
    QLabel *m_attributes;
    QLabel *m_otherThreads;
};
