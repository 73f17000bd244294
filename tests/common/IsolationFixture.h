// A profile holding two accounts that look alike on purpose: the same customer (with a
// contact in each, both named "Dana ..."), the same words in message bodies ("invoice"), the
// same template and campaign names, consent events for the same customer, keyword processes,
// unrouted replies and a send-only number the first lends to the second. Any read that
// crosses accounts finds the other account's rows; tests derive what each account should
// see from the tables with account_id, never from constants.
#pragma once

#include "AccountRows.h"
#include "ConsentRows.h"
#include "Database.h"
#include "KeywordProcessRows.h"
#include "MessageStore.h"
#include "SenderNumberRows.h"
#include "StoreTestUtil.h"
#include "TemplateRows.h"

#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <memory>

struct IsolationFixture
{
    struct Account
    {
        qint64 id = 0;
        QString name;
        QString sid;
        QString number;       // its own two-way long code
        QString notifyNumber; // its own send-only number
        QString onlyCustomer; // a customer of this account only
    };

    QTemporaryDir dir;
    std::unique_ptr<Database> database;
    std::array<Account, 2> accounts;
    QString sharedCustomer = QStringLiteral("+14155550150"); // a customer of both
    QString error;

    QString path() const { return dir.filePath(QStringLiteral("isolation.sqlite")); }
    QSqlDatabase db() const { return database->connection(); }

    bool build()
    {
        database = std::make_unique<Database>(path());
        if (!database->open())
            return failed(database->errorString());
        accounts[0] = {0,
                       QStringLiteral("Acme Bakery"),
                       QStringLiteral("AC00000000000000000000000000000a0a"),
                       QStringLiteral("+14155550100"),
                       QStringLiteral("+14155550109"),
                       QStringLiteral("+14155550151")};
        accounts[1] = {0,
                       QStringLiteral("Birch Dental"),
                       QStringLiteral("AC00000000000000000000000000000b0b"),
                       QStringLiteral("+14155550200"),
                       QStringLiteral("+14155550209"),
                       QStringLiteral("+14155550251")};
        AccountRows rows(db());
        for (Account &a : accounts) {
            a.id = rows.createOrFind(a.name, a.sid);
            if (a.id == 0)
                return failed(rows.errorString());
        }
        for (int i = 0; i < 2; ++i) {
            if (!fill(i))
                return false;
        }
        // The first account lends its send-only number to the second.
        SenderNumberRows numbers(db());
        if (!numbers.assign(numberId(accounts[0].notifyNumber), accounts[1].id,
                            QStringLiteral("admin")))
            return failed(numbers.errorString());
        return true;
    }

    qint64 numberId(const QString &number) const
    {
        return StoreTestUtil::scalar(db(),
                                     QStringLiteral("SELECT id FROM sender_numbers WHERE "
                                                    "number = ?"),
                                     {number})
            .toLongLong();
    }

    // The ids a table holds for one account, sorted: what a read of that account may return.
    QList<qint64> idsOf(const QString &table, qint64 accountId) const
    {
        QList<qint64> ids;
        // `table` comes from the test, never from data.
        QSqlQuery query =
            StoreTestUtil::exec(db(),
                                QStringLiteral("SELECT id FROM ") + table +
                                    QStringLiteral(" WHERE account_id = ? ORDER BY id"),
                                {accountId});
        while (query.next())
            ids.append(query.value(0).toLongLong());
        return ids;
    }

    // The data rows of a test that runs once per account: column "index" (0 or 1).
    void addAccountRows() const
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < 2; ++i)
            QTest::newRow(qPrintable(accounts[size_t(i)].name)) << i;
    }

    static QList<qint64> sorted(QList<qint64> ids)
    {
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    qint64 other(qint64 accountId) const
    {
        return accountId == accounts[0].id ? accounts[1].id : accounts[0].id;
    }

private:
    bool failed(const QString &why)
    {
        error = why;
        return false;
    }

    bool fill(int i)
    {
        const Account &a = accounts[size_t(i)];
        AccountRows rows(db());
        const qint64 own = rows.createOrFindSenderNumber(a.id, a.number, 1.0);
        const qint64 notify = rows.createOrFindSenderNumber(a.id, a.notifyNumber, 1.0);
        if (!own || !notify)
            return failed(rows.errorString());
        SenderNumberRows numbers(db());
        if (!numbers.setSendOnly(a.id, notify, true, QStringLiteral("admin")))
            return failed(numbers.errorString());

        const QString tag = a.name.section(u' ', 0, 0); // "Acme", "Birch"
        using Contact = std::pair<QString, QString>;    // number, name
        for (const auto &[number, name] : {Contact{sharedCustomer, QStringLiteral("Dana ") + tag},
                                           Contact{a.onlyCustomer, QStringLiteral("Eli ") + tag}}) {
            if (!StoreTestUtil::exec(db(),
                                     QStringLiteral("INSERT INTO contacts (account_id, number, "
                                                    "name) VALUES (?, ?, ?)"),
                                     {a.id, number, name})
                     .isActive())
                return failed(QStringLiteral("cannot add a contact"));
        }

        QList<MessageRecord> page;
        const QDateTime base = QDateTime::currentDateTimeUtc().addSecs(-3600 + i * 60);
        int n = 0;
        const auto add = [&](bool inbound, const QString &customer, const QString &ours,
                             const QString &body) {
            MessageRecord r;
            r.sid = QStringLiteral("SM%1%2").arg(i).arg(++n, 31, 10, QChar(u'0'));
            r.providerAccountSid = a.sid;
            r.direction =
                inbound ? MessageRecord::Direction::Inbound : MessageRecord::Direction::Outbound;
            r.from = inbound ? customer : ours;
            r.to = inbound ? ours : customer;
            r.body = body;
            r.status = inbound ? QStringLiteral("received") : QStringLiteral("delivered");
            r.dateCreated = r.dateUpdated = base.addSecs(n);
            page.append(r);
        };
        for (const QString &customer : {sharedCustomer, a.onlyCustomer}) {
            add(false, customer, a.number, QStringLiteral("Your invoice from ") + tag);
            add(true, customer, a.number, QStringLiteral("Thanks, invoice paid ") + tag);
        }
        add(true, sharedCustomer, a.notifyNumber, QStringLiteral("invoice question ") + tag);
        MessageStore store(db());
        if (!store.upsertPage(a.id, page, nullptr))
            return failed(store.errorString());

        ConsentRows consent(db());
        ConsentEvent event;
        event.contactNumber = sharedCustomer;
        event.senderNumber = a.number;
        event.kind = i == 0 ? ConsentEvent::Kind::OptOut : ConsentEvent::Kind::OptIn;
        event.source = ConsentEvent::Source::Agent;
        event.actor = QStringLiteral("agent-") + tag;
        event.occurredAt = base;
        if (!consent.record(a.id, event))
            return failed(consent.errorString());
        event.contactNumber = a.onlyCustomer;
        event.senderNumber.clear();
        event.kind = ConsentEvent::Kind::OptOut;
        if (!consent.record(a.id, event))
            return failed(consent.errorString());

        TemplateRows templates(db());
        const qint64 templateId =
            templates.create(a.id, QStringLiteral("Reminder"), TemplateType::Transactional,
                             QStringLiteral("See you soon at ") + tag, QStringLiteral("ana"));
        if (!templateId)
            return failed(templates.errorString());
        const QVariant version = StoreTestUtil::scalar(
            db(), QStringLiteral("SELECT id FROM template_versions WHERE template_id = ?"),
            {templateId});
        if (!StoreTestUtil::exec(db(),
                                 QStringLiteral("INSERT INTO campaigns (account_id, name, "
                                                "sender_number_id, template_version_id, "
                                                "created_by) VALUES (?, 'Spring sale', ?, ?, "
                                                "'ana')"),
                                 {a.id, own, version})
                 .isActive())
            return failed(QStringLiteral("cannot add a campaign"));

        KeywordProcessRows processes(db());
        KeywordProcessRows::Row help;
        help.senderNumberId = own;
        help.process = KeywordProcess::create(KeywordProcess::Type::Help, a.number);
        help.reply = tag + QStringLiteral(": call us.");
        if (!processes.create(a.id, help, QStringLiteral("admin")))
            return failed(processes.errorString());
        return true;
    }
};
