// The account's Messaging Services (messaging.twilio.com/v1/Services): each a sender pool, with
// Sticky Sender's memory of which pool number last texted each customer, and the side record of
// the messages created through a service (which service, the scheduled time) — kept here, not
// in StoredMessage, so a million plain messages stay as small as they were.
#pragma once

#include <QDataStream>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sandbox {

struct MessagingPoolSender
{
    QString sid;    // PN… of the IncomingPhoneNumber added to the pool
    QString number; // its E.164 number
    qint64 dateCreated = 0;
};

struct MessagingService
{
    QString sid; // MG…
    QString friendlyName;
    QString usecase = QStringLiteral("undeclared");
    bool stickySender = true;
    qint64 dateCreated = 0;
    qint64 dateUpdated = 0;
    QList<MessagingPoolSender> senders;
    QHash<QString, QString> stickyByCustomer; // customer E.164 -> pool number

    const MessagingPoolSender *sender(const QString &sidOrNumber) const;
};

// A message created through a service: which one, and whether its sender is still to be
// picked (status accepted or scheduled: `from` is null on the wire).
struct ServiceMessage
{
    int serviceIndex = -1;
    qint64 sendAtMs = 0; // 0: not scheduled
    bool senderPending = true;
};

class MessagingServiceDirectory
{
public:
    MessagingService &add(const MessagingService &service);
    MessagingService *find(const QString &sid);
    const MessagingService *find(const QString &sid) const;
    int indexOf(const QString &sid) const;
    const QList<MessagingService> &all() const { return m_services; }
    MessagingService &at(int index) { return m_services[index]; }
    const MessagingService &at(int index) const { return m_services[index]; }
    // The service whose pool holds this number (a number belongs to at most one pool).
    const MessagingService *owning(const QString &number) const;

    void bind(quint32 messageId, const ServiceMessage &message)
    {
        m_messages.insert(messageId, message);
    }
    std::optional<ServiceMessage> message(quint32 messageId) const;
    ServiceMessage *messageRef(quint32 messageId);

    // Every new account has one service, "SMS Desk A2P 10DLC", pooling the two SMS long codes
    // (its SID derives from the account's, so seeded sids elsewhere do not shift).
    void addDefault(const QString &accountSid, const QStringList &poolNumbers,
                    const QStringList &poolSids, qint64 nowMs);

    void save(QDataStream &out) const;
    bool load(QDataStream &in);

private:
    QList<MessagingService> m_services;
    QHash<quint32, ServiceMessage> m_messages;
};

} // namespace sandbox
