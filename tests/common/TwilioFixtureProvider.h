// A second opinion on Twilio's wire format for the client and sync tests: a loopback provider
// whose every answer is built from the examples in Twilio's own OpenAPI files (tests/data/
// twilio-oai) and the shapes Twilio documents for real accounts (Messaging Service messages
// without a sender, WhatsApp addresses, alphanumeric senders, MMS without a body, …). It
// shares no code with our sandbox, so a misunderstanding shared by client and sandbox shows
// up here.
#pragma once

#include "ScriptedHttpServer.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class TwilioFixtureProvider : public ScriptedHttpServer
{
    Q_OBJECT

public:
    explicit TwilioFixtureProvider(QObject *parent = nullptr);

    // Reads the OpenAPI examples; false (and errorString()) when a file or example is missing.
    bool load();
    QString errorString() const { return m_error; }

    // The account of the OpenAPI examples (ACaaaa…); requests must use it with authToken().
    QString accountSid() const;
    QString authToken() const { return m_token; }

    // A number of the account (the IncomingPhoneNumbers example with this number and SMS).
    void addNumber(const QString &e164);
    // The documented Message resource (the fetch example) with `fields` laid over it; a new
    // sid unless `fields` has one. Returns the sid.
    QString addMessage(const QJsonObject &fields);
    // Lays `fields` over a stored message (a status moving on, a sender picked later).
    void updateMessage(const QString &sid, const QJsonObject &fields);
    QJsonObject message(const QString &sid) const { return m_messages.value(sid); }
    int messageCount() const { return int(m_order.size()); }
    // The SendAt a scheduled message was created with (Twilio lists no such field).
    QDateTime sendAt(const QString &sid) const { return m_sendAt.value(sid); }

    // One message of every shape a real account's history holds, between our number and
    // `customer`, dated around `at`; returns how many were added. See the .cpp for the list.
    int addEveryShape(const QString &ourNumber, const QString &customer, const QDateTime &at);

    // The next `count` requests whose path ends with `pathSuffix` are answered `status` with a
    // Twilio error body (code 20429 for 429, 20500 otherwise), or dropped when status is 0.
    void failNext(const QString &pathSuffix, int status, int count = 1);
    // Requests received so far whose path ends with `pathSuffix` (all with an empty suffix).
    int requestCount(const QString &pathSuffix = {}) const;

    // Twilio's RFC 2822 date form.
    static QString rfc2822(const QDateTime &at);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Fault
    {
        QString suffix;
        int status = 0;
        int remaining = 0;
    };

    ScriptedResponse answer(const QByteArray &method, const QString &path,
                            const QByteArray &rawQuery, const QByteArray &authorization,
                            const QByteArray &body);
    ScriptedResponse listMessages(const QString &path, const QByteArray &rawQuery);
    ScriptedResponse createMessage(const QByteArray &body);
    // SendAt + ScheduleType=fixed through a Messaging Service: 'scheduled' (the
    // createScheduledMessageSms example), inside Twilio's 5 minutes to 35 days.
    ScriptedResponse createScheduled(const FieldList &form);
    // POST Messages/{Sid}.json Status=canceled (the cancelMessage example); 30409 unless it
    // is still scheduled.
    ScriptedResponse cancelMessage(const QString &sid, const QByteArray &body);
    QJsonObject envelope(const QString &path, const QString &listKey, const QJsonArray &items,
                         int page, int pageSize, const QString &filters, bool more) const;
    static ScriptedResponse error(int status, int code, const QString &message);
    QString nextSid(const QString &prefix);

    QString m_error;
    QString m_token = QStringLiteral("fixture-auth-token");
    QJsonObject m_account;           // Accounts/{Sid}.json fetch example
    QJsonObject m_numberTemplate;    // IncomingPhoneNumbers.json readFull's first number
    QJsonObject m_messageTemplate;   // Messages/{Sid}.json fetch example
    QJsonObject m_createTemplate;    // Messages.json create example
    QJsonObject m_scheduledTemplate; // Messages.json createScheduledMessageSms example
    QJsonObject m_cancelTemplate;    // Messages/{Sid}.json cancelMessage example
    QHash<QString, QDateTime> m_sendAt;
    QList<QJsonObject> m_numbers;
    QHash<QString, QJsonObject> m_messages;
    QStringList m_order; // sids in the order added
    QList<Fault> m_faults;
    int m_serial = 0;
};
