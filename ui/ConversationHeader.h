// The strip above a thread: who the customer is, which of our numbers the conversation is on,
// and links to the customer's threads with our other numbers (which stay separate threads).
#pragma once

#include "ConversationQuery.h"

#include <QStringList>
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

    // Teammates in this thread: "Sam is replying…", "Sam is viewing", "Sam and Lee are
    // viewing"; the typing ones first. Empty lists hide the line.
    void setPresence(const QStringList &typing, const QStringList &viewing);
    static QString presenceText(const QStringList &typing, const QStringList &viewing);
    QString presenceLine() const;
    // The shown thread as the team names it ("customer|our"); '' when none is shown.
    QString threadKey() const { return m_threadKey; }

    // "Support · +1 415-555-0100" (or just the number without a label).
    static QString senderText(const QString &label, const QString &display);

Q_SIGNALS:
    void threadRequested(qint64 threadId);
    void threadKeyChanged(const QString &threadKey);

private:
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_via;
    QLabel *m_badge;
    QLabel *m_presence;
    QString m_threadKey;
    QWidget *m_banner;
    QHBoxLayout *m_linkLayout;
};
