// The strip above a thread: who the customer is, which of our numbers the conversation is on,
// and links to the customer's threads with our other numbers (which stay separate threads).
#pragma once

#include "ConversationQuery.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

class ConversationHeader : public QWidget
{
    Q_OBJECT

public:
    explicit ConversationHeader(QWidget *parent = nullptr);

    void setHeader(const ConversationQuery::Header &header);
    // An empty list hides the banner.
    void setLinkedThreads(const QList<ConversationQuery::LinkedThread> &threads);
    void clear();

    // "Support · +1 415-555-0100" (or just the number without a label).
    static QString senderText(const QString &label, const QString &display);

Q_SIGNALS:
    void threadRequested(qint64 threadId);

private:
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_via;
    QLabel *m_badge;
    QWidget *m_banner;
    QHBoxLayout *m_linkLayout;
};
