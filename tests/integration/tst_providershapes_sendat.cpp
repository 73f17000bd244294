// The SendAt path of campaigns against TwilioFixtureProvider (answers from Twilio's OpenAPI
// examples, no code shared with our sandbox): a campaign text with its recipient's time goes
// out as Twilio documents a scheduled message (MessagingServiceSid, SendAt in ISO 8601 UTC,
// ScheduleType=fixed, From kept) by the outbox, and its cancel (CampaignSendAt::cancelHeld) is
// `Status=canceled` on the message.
#include "AccountRows.h"
#include "CampaignSendAt.h"
#include "MessageStore.h"
#include "MessagingServiceRows.h"
#include "Outbox.h"
#include "OutgoingMessage.h"
#include "ProviderShapesFixture.h"
#include "ScheduledMessageRows.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace {

const QString Support = u"+14155550100"_s;
const QString Customer = u"+14155550142"_s;
const QString Service = u"MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s;

} // namespace

class TstProviderShapesSendAt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void campaignTextScheduledAndCanceledAsTwilioDocuments();
};

void TstProviderShapesSendAt::campaignTextScheduledAndCanceledAsTwilioDocuments()
{
    ShapesEnv env;
    QVERIFY(env.start());
    env.provider.addNumber(Support);
    QVERIFY(env.syncNumbers());
    const qint64 account = env.accountId;
    Outbox outbox(env.writer.get(), env.client.get(), account);
    QVERIFY(outbox.start());
    QSignalSpy sent(&outbox, &Outbox::messageSent);
    // The recipient's time: two hours ahead, not on a whole second.
    const qint64 at = QDateTime::currentMSecsSinceEpoch() + 2 * 3600 * 1000 + 123;
    // As CampaignQueue::takeForProvider writes it: the text and its time in one writer job.
    const qint64 messageId = env.writer->call([&](WriterContext &context) -> qint64 {
        if (!MessagingServiceRows(context.db())
                 .replace(account, {{Support, Service, u"Marketing"_s, true}}, true))
            return 0;
        const qint64 sender =
            AccountRows(context.db()).createOrFindSenderNumber(account, Support, 10.0);
        const qint64 thread = context.messages->findOrCreateThread(account, Customer, sender);
        OutgoingMessage m;
        m.threadId = thread;
        m.body = u"Friday sale: 20% off. Reply STOP to opt out"_s;
        m.clientRef = u"campaign:1:%1"_s.arg(Customer);
        m.purpose = ConsentLedger::MessagePurpose::Campaign;
        qint64 id = 0;
        if (!context.messages->insertOutgoing(m, &id))
            return 0;
        return ScheduledMessageRows(context.db()).schedule(id, (at + 999) / 1000 * 1000) ? id : 0;
    });
    QVERIFY(messageId > 0);
    outbox.adopt({messageId});
    QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty(), 20000);
    const QString sid = sent.first().at(1).toString();

    // The create, field by field, as Twilio documents a scheduled message.
    const auto creates =
        std::count_if(env.provider.requests().begin(), env.provider.requests().end(),
                      [](const RecordedRequest &r) {
                          return r.method == "POST" && r.path.endsWith(u"/Messages.json"_s);
                      });
    QCOMPARE(creates, 1);
    const auto create =
        std::find_if(env.provider.requests().begin(), env.provider.requests().end(),
                     [](const RecordedRequest &r) {
                         return r.method == "POST" && r.path.endsWith(u"/Messages.json"_s);
                     });
    const FieldList form = create->form();
    const QDateTime sendAt = QDateTime::fromSecsSinceEpoch((at + 999) / 1000, Qt::UTC);
    QCOMPARE(RecordedRequest::value(form, u"SendAt"_s), sendAt.toString(u"yyyy-MM-ddTHH:mm:ssZ"_s));
    QCOMPARE(RecordedRequest::value(form, u"ScheduleType"_s), u"fixed"_s);
    QCOMPARE(RecordedRequest::value(form, u"MessagingServiceSid"_s), Service);
    QCOMPARE(RecordedRequest::value(form, u"From"_s), Support);
    QCOMPARE(RecordedRequest::value(form, u"To"_s), Customer);
    QCOMPARE(env.provider.sendAt(sid), sendAt);
    QCOMPARE(env.provider.message(sid).value("status"_L1).toString(), u"scheduled"_s);
    QCOMPARE(env.count(u"SELECT count(*) FROM messages WHERE id = %1 AND status = 'scheduled' "
                       "AND provider_sid = '%2'"_s.arg(messageId)
                           .arg(sid)),
             1);

    // Cancel: Status=canceled on the message; a second cancel is Twilio's 30409.
    std::optional<CampaignSendAt::CancelOutcome> outcome;
    CampaignSendAt::cancelHeld(
        env.writer.get(), env.client.get(), {messageId, 1, sid, u"canceled"_s}, this,
        [&](CampaignSendAt::CancelOutcome o, const QString &) { outcome = o; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
    QCOMPARE(*outcome, CampaignSendAt::CancelOutcome::Canceled);
    const RecordedRequest &cancel = env.provider.requests().last();
    QCOMPARE(cancel.method, QByteArray("POST"));
    QVERIFY(cancel.path.endsWith(u"/Messages/"_s + sid + u".json"_s));
    QCOMPARE(cancel.form(), (FieldList{{u"Status"_s, u"canceled"_s}}));
    QCOMPARE(env.provider.message(sid).value("status"_L1).toString(), u"canceled"_s);
    QCOMPARE(env.count(u"SELECT count(*) FROM messages WHERE id = %1 AND status = 'canceled'"_s.arg(
                 messageId)),
             1);
    outcome.reset();
    CampaignSendAt::cancelHeld(
        env.writer.get(), env.client.get(), {messageId, 1, sid, u"canceled"_s}, this,
        [&](CampaignSendAt::CancelOutcome o, const QString &) { outcome = o; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
    QCOMPARE(*outcome, CampaignSendAt::CancelOutcome::AlreadyLeft);
}

QTEST_MAIN(TstProviderShapesSendAt)
#include "tst_providershapes_sendat.moc"
