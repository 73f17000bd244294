#include "ContactDetails.h"

#include "ConsentRows.h"
#include "PhoneNumber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {

bool failed(QSqlQuery &q, const QString &what, QString *error)
{
    if (q.exec())
        return false;
    if (error)
        *error = u"Cannot read "_s + what + u": "_s + q.lastError().text();
    return true;
}

} // namespace

QString ContactDetails::stateText(ConsentLedger::ConsentState state)
{
    switch (state) {
    case ConsentLedger::ConsentState::OptedIn:
        return QCoreApplication::translate("ContactDetails", "Subscribed");
    case ConsentLedger::ConsentState::OptedOut:
        return QCoreApplication::translate("ContactDetails", "Unsubscribed");
    case ConsentLedger::ConsentState::Unknown:
        break;
    }
    return QCoreApplication::translate("ContactDetails", "No record");
}

std::optional<ContactDetails> ContactDetails::load(QSqlDatabase db, qint64 accountId,
                                                   const QString &customerNumber,
                                                   qint64 exceptThreadId, QString *error)
{
    ContactDetails d;
    d.accountId = accountId;
    d.number = customerNumber;
    d.numberDisplay = PhoneNumber::displayForm(customerNumber);
    d.textEnabled = u"unknown"_s;

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT name, line_type, text_enabled, text_enabled_source, "
              u"COALESCE(text_enabled_checked_at, 0), tags, attributes FROM contacts "
              u"WHERE account_id = ? AND number = ?"_s);
    q.addBindValue(accountId);
    q.addBindValue(customerNumber);
    if (failed(q, u"the contact"_s, error))
        return std::nullopt;
    if (q.next()) {
        d.hasContactRow = true;
        d.name = q.value(0).toString();
        d.lineType = q.value(1).toString();
        d.textEnabled = q.value(2).toString();
        d.textEnabledSource = q.value(3).toString();
        d.textEnabledCheckedAt = q.value(4).toLongLong();
        for (const QJsonValue &tag : QJsonDocument::fromJson(q.value(5).toByteArray()).array())
            d.tags.append(tag.toString());
        d.attributes = QJsonDocument::fromJson(q.value(6).toByteArray()).object().toVariantMap();
    }

    ConsentRows consent(db);
    const auto ledger = consent.ledgerFor(accountId, customerNumber);
    if (!ledger) {
        if (error)
            *error = consent.errorString();
        return std::nullopt;
    }
    d.consentHistory = ledger->eventsFor(customerNumber);

    QSqlQuery senders(db);
    senders.setForwardOnly(true);
    senders.prepare(u"SELECT number, label FROM sender_numbers WHERE account_id = ? "
                    u"AND send_only_notifications = 0 ORDER BY label, number"_s);
    senders.addBindValue(accountId);
    if (failed(senders, u"the account's numbers"_s, error))
        return std::nullopt;
    while (senders.next()) {
        SenderConsent s;
        s.senderNumber = senders.value(0).toString();
        s.senderDisplay = PhoneNumber::displayForm(s.senderNumber);
        s.senderLabel = senders.value(1).toString();
        s.state = ledger->consent(customerNumber, s.senderNumber).state;
        d.consentBySender.append(s);
    }

    QSqlQuery threads(db);
    threads.setForwardOnly(true);
    threads.prepare(u"SELECT t.id, s.number, s.label, t.status, COALESCE(t.last_message_at, 0), "
                    u"t.last_message_preview FROM threads t "
                    u"JOIN sender_numbers s ON s.id = t.sender_number_id "
                    u"WHERE t.account_id = ? AND t.customer_number = ? AND t.id <> ? "
                    u"ORDER BY t.last_message_at DESC, t.id DESC"_s);
    threads.addBindValue(accountId);
    threads.addBindValue(customerNumber);
    threads.addBindValue(exceptThreadId);
    if (failed(threads, u"the customer's threads"_s, error))
        return std::nullopt;
    while (threads.next()) {
        OtherThread t;
        t.threadId = threads.value(0).toLongLong();
        t.senderNumber = threads.value(1).toString();
        t.senderDisplay = PhoneNumber::displayForm(t.senderNumber);
        t.senderLabel = threads.value(2).toString();
        t.status = threads.value(3).toString();
        t.lastMessageAt = threads.value(4).toLongLong();
        t.preview = threads.value(5).toString();
        d.otherThreads.append(t);
    }
    return d;
}
