// Ties a conversation's "Send later…" and its scheduled messages' Edit and Cancel to
// ScheduledSends: opens the Send later dialog in the customer's zone, schedules what it
// answers (clearing the composer), and shows refusals in the conversation.
#pragma once

#include <QObject>

#include <functional>

class ConversationPane;
class ScheduledSends;
class SendLaterDialog;

class ScheduledSendFlow : public QObject
{
    Q_OBJECT

public:
    ScheduledSendFlow(ConversationPane *pane, ScheduledSends *sends, std::function<QString()> actor,
                      QObject *parent = nullptr);

    // Shows the dialog and answers whether it was accepted; tests replace it.
    using DialogRunner = std::function<void(SendLaterDialog *, std::function<void(bool)>)>;
    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }

    void sendLater(qint64 threadId, const QString &body);
    void edit(qint64 messageId);
    void cancel(qint64 messageId);

Q_SIGNALS:
    // A schedule, edit or cancel was answered (error empty: done).
    void answered(const QString &error);

private:
    void finish(const QString &error);

    ConversationPane *m_pane;
    ScheduledSends *m_sends;
    std::function<QString()> m_actor;
    DialogRunner m_runner;
};
