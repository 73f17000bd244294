#include "MessagingServiceDirectory.h"

#include <QCryptographicHash>

namespace sandbox {

const MessagingPoolSender *MessagingService::sender(const QString &sidOrNumber) const
{
    for (const MessagingPoolSender &s : senders) {
        if (s.sid == sidOrNumber || s.number == sidOrNumber)
            return &s;
    }
    return nullptr;
}

MessagingService &MessagingServiceDirectory::add(const MessagingService &service)
{
    m_services.append(service);
    return m_services.last();
}

int MessagingServiceDirectory::indexOf(const QString &sid) const
{
    for (qsizetype i = 0; i < m_services.size(); ++i) {
        if (m_services[i].sid == sid)
            return int(i);
    }
    return -1;
}

MessagingService *MessagingServiceDirectory::find(const QString &sid)
{
    const int index = indexOf(sid);
    return index < 0 ? nullptr : &m_services[index];
}

const MessagingService *MessagingServiceDirectory::find(const QString &sid) const
{
    const int index = indexOf(sid);
    return index < 0 ? nullptr : &m_services[index];
}

const MessagingService *MessagingServiceDirectory::owning(const QString &number) const
{
    for (const MessagingService &service : m_services) {
        if (service.sender(number))
            return &service;
    }
    return nullptr;
}

std::optional<ServiceMessage> MessagingServiceDirectory::message(quint32 messageId) const
{
    const auto it = m_messages.constFind(messageId);
    if (it == m_messages.constEnd())
        return std::nullopt;
    return *it;
}

ServiceMessage *MessagingServiceDirectory::messageRef(quint32 messageId)
{
    const auto it = m_messages.find(messageId);
    return it == m_messages.end() ? nullptr : &*it;
}

void MessagingServiceDirectory::addDefault(const QString &accountSid,
                                           const QStringList &poolNumbers,
                                           const QStringList &poolSids, qint64 nowMs)
{
    MessagingService service;
    service.sid = QStringLiteral("MG") +
                  QString::fromLatin1(
                      QCryptographicHash::hash((accountSid + QStringLiteral("/messaging")).toUtf8(),
                                               QCryptographicHash::Md5)
                          .toHex());
    service.friendlyName = QStringLiteral("SMS Desk A2P 10DLC");
    service.usecase = QStringLiteral("customer_care");
    service.dateCreated = service.dateUpdated = nowMs;
    for (qsizetype i = 0; i < poolNumbers.size() && i < poolSids.size(); ++i)
        service.senders.append({poolSids[i], poolNumbers[i], nowMs});
    add(service);
}

void MessagingServiceDirectory::save(QDataStream &out) const
{
    out << qint32(m_services.size());
    for (const MessagingService &s : m_services) {
        out << s.sid << s.friendlyName << s.usecase << s.stickySender << s.dateCreated
            << s.dateUpdated << s.stickyByCustomer << qint32(s.senders.size());
        for (const MessagingPoolSender &sender : s.senders)
            out << sender.sid << sender.number << sender.dateCreated;
    }
    out << qint32(m_messages.size());
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it)
        out << it.key() << qint32(it->serviceIndex) << it->sendAtMs << it->senderPending;
}

bool MessagingServiceDirectory::load(QDataStream &in)
{
    m_services.clear();
    m_messages.clear();
    qint32 count = 0;
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        MessagingService s;
        qint32 senders = 0;
        in >> s.sid >> s.friendlyName >> s.usecase >> s.stickySender >> s.dateCreated >>
            s.dateUpdated >> s.stickyByCustomer >> senders;
        for (qint32 j = 0; j < senders && in.status() == QDataStream::Ok; ++j) {
            MessagingPoolSender sender;
            in >> sender.sid >> sender.number >> sender.dateCreated;
            s.senders.append(sender);
        }
        m_services.append(s);
    }
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        quint32 id = 0;
        qint32 index = -1;
        ServiceMessage message;
        in >> id >> index >> message.sendAtMs >> message.senderPending;
        message.serviceIndex = index;
        if (index >= 0 && index < m_services.size())
            m_messages.insert(id, message);
    }
    return in.status() == QDataStream::Ok;
}

} // namespace sandbox
