// A profile with an account, two sender numbers and an approved template, an outbox against
// a sandbox process, and a CampaignRunner handing its batches to that outbox.
#pragma once

#include "CampaignRows.h"
#include "CampaignRunner.h"
#include "OutboxFixture.h"
#include "SandboxProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

#include <memory>

struct CampaignFixture : OutboxFixture
{
    static inline const QString Support = QStringLiteral("+14155550100");
    static inline const QString Sales = QStringLiteral("+14155550101");

    std::unique_ptr<CampaignRunner> runner;
    qint64 salesId = 0;
    qint64 supportId = 0;

    // `send` false: only the profile (for a child process to run it).
    bool startDesk(SandboxProcess &sandbox, double throughputMps, bool send = true)
    {
        if (!start(sandbox.url, sandbox.sid, sandbox.token, Support, throughputMps, send))
            return false;
        return writer->call([&](WriterContext &context) {
            AccountRows rows(context.db());
            supportId = rows.createOrFindSenderNumber(accountId, Support, throughputMps);
            salesId = rows.createOrFindSenderNumber(accountId, Sales, throughputMps);
            QSqlQuery q(context.db());
            return supportId && salesId &&
                   q.exec(QStringLiteral("INSERT INTO templates (account_id, name) VALUES (%1, "
                                         "'Promo')")
                              .arg(accountId)) &&
                   q.exec(QStringLiteral(
                       "INSERT INTO template_versions (template_id, version, body, state, author, "
                       "approver, approved_at) VALUES (1, 1, 'Hi {{first_name|there}}, A. Reply "
                       "STOP to opt out', 'approved', 'mia', 'lee', 1), (1, 2, 'Hello, B. Reply "
                       "STOP to opt out', 'approved', 'mia', 'lee', 1)"));
        });
    }

    void startRunner(const CampaignRunner::Settings &settings = {})
    {
        runner = std::make_unique<CampaignRunner>(
            writer.get(), accountId, [this](const QList<qint64> &ids) { outbox->adopt(ids); });
        runner->setSettings(settings);
        QObject::connect(outbox.get(), &Outbox::messageSent, runner.get(),
                         &CampaignRunner::messageFinished);
        QObject::connect(outbox.get(), &Outbox::messageFailed, runner.get(),
                         [this](qint64 id) { runner->messageFinished(id); });
        QObject::connect(outbox.get(), &Outbox::messageBlocked, runner.get(),
                         [this](qint64 id) { runner->messageFinished(id); });
    }

    // A planned A/B campaign over both numbers, texting around the clock.
    qint64 plan(const QStringList &numbers, QString *error)
    {
        return writer->call([&](WriterContext &context) -> qint64 {
            CampaignDraft d;
            d.accountId = accountId;
            d.name = QStringLiteral("Spring sale");
            d.variants = {{QStringLiteral("A"), 1, 50}, {QStringLiteral("B"), 2, 50}};
            d.senderIds = {supportId, salesId};
            d.windowStartMinute = 0;
            d.windowEndMinute = 1440;
            d.createdBy = QStringLiteral("mia");
            CampaignRows rows(context.db());
            const qint64 id = rows.createDraft(d);
            if (id == 0 ||
                !rows.plan(id, numbers, QDateTime::currentMSecsSinceEpoch(), QStringLiteral("mia")))
                *error = rows.errorString();
            return error->isEmpty() ? id : 0;
        });
    }

    QStringList column(const QString &sql)
    {
        return writer->call([&](WriterContext &context) {
            QStringList values;
            QSqlQuery q(context.db());
            if (q.exec(sql)) {
                while (q.next())
                    values.append(q.value(0).toString());
            }
            return values;
        });
    }

    std::optional<CampaignRows::Summary> summary(qint64 id)
    {
        return writer->call(
            [&](WriterContext &context) { return CampaignRows(context.db()).summary(id); });
    }

    // Every message the provider holds from our numbers: its To, one entry per message.
    static QStringList providerRecipients(SandboxProcess &sandbox)
    {
        QStringList to;
        QString next = sandbox.client->account(QStringLiteral("/Messages.json?PageSize=1000"));
        while (!next.isEmpty()) {
            const QJsonObject page = sandbox.client->get(next).json;
            for (const QJsonValue &m : page.value(QStringLiteral("messages")).toArray()) {
                const QJsonObject message = m.toObject();
                const QString from = message.value(QStringLiteral("from")).toString();
                if (message.value(QStringLiteral("direction")).toString() !=
                        QStringLiteral("inbound") &&
                    (from == Support || from == Sales))
                    to.append(message.value(QStringLiteral("to")).toString());
            }
            next = page.value(QStringLiteral("next_page_uri")).toString();
        }
        to.sort();
        return to;
    }
};
