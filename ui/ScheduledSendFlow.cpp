#include "ScheduledSendFlow.h"

#include "Composer.h"
#include "ConversationPane.h"
#include "ScheduledSends.h"
#include "SendLaterDialog.h"

ScheduledSendFlow::ScheduledSendFlow(ConversationPane *pane, ScheduledSends *sends,
                                     std::function<QString()> actor, QObject *parent)
    : QObject(parent)
    , m_pane(pane)
    , m_sends(sends)
    , m_actor(std::move(actor))
    , m_runner([](SendLaterDialog *dialog, std::function<void(bool)> done) {
        QObject::connect(dialog, &QDialog::finished, dialog, [dialog, done](int result) {
            done(result == QDialog::Accepted);
            dialog->deleteLater();
        });
        dialog->open();
    })
{
    connect(pane, &ConversationPane::sendLaterRequested, this, &ScheduledSendFlow::sendLater);
    connect(pane, &ConversationPane::editScheduledRequested, this, &ScheduledSendFlow::edit);
    connect(pane, &ConversationPane::cancelScheduledRequested, this, &ScheduledSendFlow::cancel);
}

void ScheduledSendFlow::finish(const QString &error)
{
    if (!error.isEmpty())
        m_pane->showSendError(error);
    Q_EMIT answered(error);
}

void ScheduledSendFlow::sendLater(qint64 threadId, const QString &body)
{
    m_sends->customerZone(threadId, this, [this, threadId, body](const QString &zone) {
        auto *dialog = new SendLaterDialog(zone, body, 0, m_pane);
        m_runner(dialog, [this, dialog, threadId](bool accepted) {
            if (!accepted)
                return;
            const QString text = dialog->body();
            m_sends->schedule(m_pane->accountId(), threadId, text, dialog->localDate(),
                              dialog->localTime(), m_actor(), this,
                              [this, text](const CommandResult &result) {
                                  // The typed reply (its fields filled) is now the
                                  // scheduled message.
                                  if (result.ok && m_pane->composer()->outgoing().text == text)
                                      m_pane->composer()->setBody(QString());
                                  finish(result.error);
                              });
        });
    });
}

void ScheduledSendFlow::edit(qint64 messageId)
{
    const qint64 account = m_pane->accountId();
    m_sends->pending(
        account, messageId, this,
        [this, account, messageId](const std::optional<ScheduledMessage> &message) {
            if (!message)
                return finish(tr("This message is no longer waiting to leave."));
            m_sends->customerZone(
                message->threadId, this, [this, account, messageId, message](const QString &zone) {
                    auto *dialog =
                        new SendLaterDialog(zone, message->body, message->scheduledAt, m_pane);
                    dialog->setWindowTitle(tr("Edit scheduled message"));
                    m_runner(dialog, [this, dialog, account, messageId](bool ok) {
                        if (!ok)
                            return;
                        m_sends->reschedule(account, messageId, dialog->body(), dialog->localDate(),
                                            dialog->localTime(), m_actor(), this,
                                            [this](const CommandResult &r) { finish(r.error); });
                    });
                });
        });
}

void ScheduledSendFlow::cancel(qint64 messageId)
{
    m_sends->cancel(m_pane->accountId(), messageId, this,
                    [this](const CommandResult &result) { finish(result.error); });
}
