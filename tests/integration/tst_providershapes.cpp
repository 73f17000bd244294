// Every message shape a real Twilio account's history holds syncs (issue 15, item 1), checked
// against TwilioFixtureProvider: a second opinion written from Twilio's OpenAPI examples and
// documented payloads, not from our sandbox.
#include "ProviderShapesFixture.h"
#include "SkippedMessageRows.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

const QString Ours = u"+14155550100"_s;
const QString Customer = u"+14155550123"_s;
const QString Dated = u"+14155550177"_s;

} // namespace

class TestProviderShapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientReadsDocumentedShapes();
    void everyShapeSyncsTwice();
    void senderPickedLaterFilesTheThread();
    void unreadableMessageIsKeptAsideNotTheWholePage();
    void pendingStatusesRefreshedByListing();
    void dateSentBoundsIncludeTheirDay();
};

void TestProviderShapes::clientReadsDocumentedShapes()
{
    ShapesEnv env;
    QVERIFY(env.start());
    const int added =
        env.provider.addEveryShape(Ours, Customer, QDateTime::currentDateTimeUtc().addDays(-2));
    // Pages of 5 follow Twilio's next_page_uri (with its PageToken) to the end.
    MessageFilter filter;
    filter.pageSize = 5;
    QList<ProviderMessage> all;
    std::optional<QString> failure;
    bool done = false;
    std::function<void(const ProviderResult<MessagePage> &)> onPage;
    onPage = [&](const ProviderResult<MessagePage> &r) {
        if (!r.ok()) {
            failure = r.error().displayMessage();
            done = true;
            return;
        }
        all += r.value().items;
        if (r.value().hasNextPage())
            env.client->nextMessagePage(r.value().nextPageUri, &env.provider, onPage);
        else
            done = true;
    };
    env.client->listMessages(filter, &env.provider, onPage);
    QVERIFY(QTest::qWaitFor([&] { return done; }, 30000));
    QVERIFY2(!failure, qPrintable(failure.value_or(QString())));
    QCOMPARE(all.size(), added);
    int withoutSender = 0;
    for (const ProviderMessage &m : std::as_const(all)) {
        QVERIFY2(m.unreadable.isEmpty(), qPrintable(m.unreadable));
        if (m.from.isEmpty()) {
            ++withoutSender;
            QCOMPARE(m.numSegments, 0);
            QVERIFY(!m.messagingServiceSid.isEmpty());
            QVERIFY(!m.dateSent.isValid());
        }
    }
    QCOMPARE(withoutSender, 3); // accepted, scheduled, canceled
}

void TestProviderShapes::everyShapeSyncsTwice()
{
    ShapesEnv env;
    QVERIFY(env.start());
    env.provider.addNumber(Ours);
    const int shapes =
        env.provider.addEveryShape(Ours, Customer, QDateTime::currentDateTimeUtc().addSecs(-3600));
    // Two that cannot be stored: a status word this version does not know, and a date that
    // is not RFC 2822. Each must cost only itself.
    const QString now = TwilioFixtureProvider::rfc2822(QDateTime::currentDateTimeUtc());
    env.provider.addMessage({{u"from"_s, Ours},
                             {u"to"_s, Customer},
                             {u"status"_s, u"delivery_pending_review"_s},
                             {u"date_created"_s, now},
                             {u"date_sent"_s, now},
                             {u"date_updated"_s, now}});
    env.provider.addMessage({{u"from"_s, Ours},
                             {u"to"_s, Customer},
                             {u"status"_s, u"sent"_s},
                             {u"date_created"_s, u"2026-12-07T10:00:00Z"_s},
                             {u"date_sent"_s, now},
                             {u"date_updated"_s, now}});
    QVERIFY(env.syncNumbers());

    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    engine.setPageSize(4); // several pages, each with a mix of shapes
    for (int run = 1; run <= 2; ++run) {
        const SyncOutcome outcome = runSync(engine);
        QVERIFY2(outcome.summary,
                 qPrintable(outcome.error ? outcome.error->displayMessage() : outcome.storeError));
        QCOMPARE(outcome.summary->skipped, 2);
        QCOMPARE(env.count(u"SELECT count(*) FROM messages"_s), shapes);
        QCOMPARE(env.count(u"SELECT count(*) FROM skipped_provider_messages"_s), 2);
        // Not ours to thread: three without a sender yet, two WhatsApp, the sender ID, the
        // released number. The other six are in the customer's thread.
        QCOMPARE(env.count(u"SELECT count(*) FROM messages WHERE thread_id IS NULL"_s), 7);
        QCOMPARE(env.count(u"SELECT count(*) FROM messages m JOIN threads t ON t.id = m.thread_id "
                           u"WHERE t.customer_number = '"_s +
                           Customer + u"'"_s),
                 shapes - 7);
    }
    QCOMPARE(env.count(u"SELECT times_seen FROM skipped_provider_messages LIMIT 1"_s), 2);
    const auto aside = env.writer->call([&](WriterContext &c) {
        return c.repo<SkippedMessageRows>().list(env.accountId).value_or(QList<SkippedMessage>());
    });
    QCOMPARE(aside.size(), 2);
    QVERIFY2(aside.at(0).reason.contains(u"delivery_pending_review"_s) ||
                 aside.at(1).reason.contains(u"delivery_pending_review"_s),
             qPrintable(aside.at(0).reason));
    QVERIFY(aside.at(0).reason.contains(u"RFC 2822"_s) ||
            aside.at(1).reason.contains(u"RFC 2822"_s));
}

void TestProviderShapes::senderPickedLaterFilesTheThread()
{
    ShapesEnv env;
    QVERIFY(env.start());
    env.provider.addNumber(Ours);
    const QDateTime created = QDateTime::currentDateTimeUtc().addSecs(-600);
    const QString at = TwilioFixtureProvider::rfc2822(created);
    const QString sid = env.provider.addMessage({{u"from"_s, QJsonValue()},
                                                 {u"to"_s, Customer},
                                                 {u"status"_s, u"accepted"_s},
                                                 {u"num_segments"_s, u"0"_s},
                                                 {u"body"_s, u"from the service"_s},
                                                 {u"date_created"_s, at},
                                                 {u"date_sent"_s, QJsonValue()},
                                                 {u"date_updated"_s, at}});
    // An earlier inbound message starts the thread and dates the cursor.
    const QString before = TwilioFixtureProvider::rfc2822(created.addSecs(-60));
    env.provider.addMessage({{u"from"_s, Customer},
                             {u"to"_s, Ours},
                             {u"direction"_s, u"inbound"_s},
                             {u"status"_s, u"received"_s},
                             {u"date_created"_s, before},
                             {u"date_sent"_s, before},
                             {u"date_updated"_s, before}});
    QVERIFY(env.syncNumbers());
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    QVERIFY(runSync(engine).summary);
    const QString sidClause = u" WHERE provider_sid = '"_s + sid + u"'"_s;
    QCOMPARE(env.count(u"SELECT thread_id IS NULL FROM messages"_s + sidClause), 1);

    // The service picks our number and sends.
    const QString sent = TwilioFixtureProvider::rfc2822(QDateTime::currentDateTimeUtc());
    env.provider.updateMessage(sid, {{u"from"_s, Ours},
                                     {u"status"_s, u"sent"_s},
                                     {u"num_segments"_s, u"1"_s},
                                     {u"date_sent"_s, sent},
                                     {u"date_updated"_s, sent}});
    const SyncOutcome second = runSync(engine);
    QVERIFY(second.summary);
    QVERIFY(!second.summary->fullSync);
    QCOMPARE(env.count(u"SELECT thread_id IS NOT NULL FROM messages"_s + sidClause), 1);
    QCOMPARE(env.count(u"SELECT count(*) FROM messages m JOIN threads t ON t.id = m.thread_id "
                       u"WHERE t.last_message_id = m.id AND m.provider_sid = '"_s +
                       sid + u"'"_s),
             1);
}

void TestProviderShapes::unreadableMessageIsKeptAsideNotTheWholePage()
{
    ShapesEnv env;
    QVERIFY(env.start());
    env.provider.addNumber(Ours);
    const QString now = TwilioFixtureProvider::rfc2822(QDateTime::currentDateTimeUtc());
    for (int i = 0; i < 5; ++i)
        env.provider.addMessage({{u"from"_s, Ours},
                                 {u"to"_s, Customer},
                                 {u"status"_s, u"delivered"_s},
                                 {u"date_created"_s, now},
                                 {u"date_sent"_s, now},
                                 {u"date_updated"_s, now}});
    // num_segments that is not a number: the client cannot read this one.
    env.provider.addMessage({{u"from"_s, Ours},
                             {u"to"_s, Customer},
                             {u"num_segments"_s, u"two"_s},
                             {u"date_created"_s, now},
                             {u"date_sent"_s, now},
                             {u"date_updated"_s, now}});
    QVERIFY(env.syncNumbers());
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    const SyncOutcome outcome = runSync(engine);
    QVERIFY(outcome.summary);
    QCOMPARE(outcome.summary->skipped, 1);
    QCOMPARE(env.count(u"SELECT count(*) FROM messages"_s), 5);
    QCOMPARE(env.count(u"SELECT count(*) FROM skipped_provider_messages "
                       u"WHERE reason LIKE '%num_segments%'"_s),
             1);
}

void TestProviderShapes::pendingStatusesRefreshedByListing()
{
    ShapesEnv env;
    QVERIFY(env.start());
    env.provider.addNumber(Ours);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto outbound = [&](const QDateTime &at, const QJsonValue &sent) {
        const QString when = TwilioFixtureProvider::rfc2822(at);
        return env.provider.addMessage({{u"from"_s, Ours},
                                        {u"to"_s, Customer},
                                        {u"status"_s, sent.isNull() ? u"queued"_s : u"sent"_s},
                                        {u"date_created"_s, when},
                                        {u"date_sent"_s, sent},
                                        {u"date_updated"_s, when}});
    };
    const auto rfc = [](const QDateTime &at) { return TwilioFixtureProvider::rfc2822(at); };
    const QString inWindow = outbound(now.addDays(-2), rfc(now.addDays(-2)));
    const QString tooOld = outbound(now.addDays(-5), rfc(now.addDays(-5)));
    const QString unsent = outbound(now.addSecs(-120), QJsonValue());
    const QString today = rfc(now.addSecs(-60));
    env.provider.addMessage({{u"from"_s, Customer},
                             {u"to"_s, Ours},
                             {u"direction"_s, u"inbound"_s},
                             {u"status"_s, u"received"_s},
                             {u"date_created"_s, today},
                             {u"date_sent"_s, today},
                             {u"date_updated"_s, today}});
    QVERIFY(env.syncNumbers());
    SyncEngine engine(env.accountId, env.client.get(), env.writer.get());
    QVERIFY(runSync(engine).summary);

    for (const QString &sid : {inWindow, tooOld})
        env.provider.updateMessage(sid, {{u"status"_s, u"delivered"_s}});
    // Still queued at the provider: its status is fetched, not listed.
    env.provider.clearRequests();
    const SyncOutcome outcome = runSync(engine);
    QVERIFY(outcome.summary);
    const auto status = [&](const QString &sid) {
        return env.writer->call([sid](WriterContext &c) {
            QSqlQuery q(c.db());
            q.prepare(u"SELECT status FROM messages WHERE provider_sid = ?"_s);
            q.addBindValue(sid);
            return q.exec() && q.next() ? q.value(0).toString() : QString();
        });
    };
    QCOMPARE(status(inWindow), u"delivered"_s); // from the listing that starts 2 days back
    QCOMPARE(status(tooOld), u"sent"_s);        // past the receipt window: no receipt
    QCOMPARE(env.provider.requestCount(u"/Messages.json"_s), 1);
    QCOMPARE(env.provider.requestCount(u"/Messages/"_s + unsent + u".json"_s), 1);
    QCOMPARE(env.provider.requestCount(), 2);
}

void TestProviderShapes::dateSentBoundsIncludeTheirDay()
{
    // Twilio documents `DateSent<=YYYY-MM-DD` as "on and before" and `DateSent>=` as "on and
    // after" (the query names are `DateSent<` and `DateSent>`): adjacent day ranges of a
    // parallel first sync must neither lose nor repeat a day.
    ShapesEnv env;
    QVERIFY(env.start());
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (int daysAgo = 0; daysAgo < 3; ++daysAgo) {
        const QString at = TwilioFixtureProvider::rfc2822(
            QDateTime(today.addDays(-daysAgo), QTime(12, 0), Qt::UTC));
        env.provider.addMessage({{u"from"_s, Ours},
                                 {u"to"_s, Dated},
                                 {u"status"_s, u"delivered"_s},
                                 {u"date_created"_s, at},
                                 {u"date_sent"_s, at},
                                 {u"date_updated"_s, at}});
    }
    const auto listed = [&](std::optional<QDate> after, std::optional<QDate> before) {
        MessageFilter filter;
        filter.to = Dated;
        filter.dateSentAfter = after;
        filter.dateSentBefore = before;
        std::optional<int> count;
        env.client->listMessages(filter, &env.provider, [&](const ProviderResult<MessagePage> &r) {
            count = r.ok() ? int(r.value().items.size()) : -1;
        });
        return QTest::qWaitFor([&] { return count.has_value(); }, 30000) ? *count : -2;
    };
    const QDate yesterday = today.addDays(-1);
    QCOMPARE(listed(std::nullopt, yesterday), 2);
    QCOMPARE(listed(yesterday, std::nullopt), 2);
    QCOMPARE(listed(yesterday, yesterday), 1);
    QCOMPARE(listed(today, std::nullopt) + listed(std::nullopt, yesterday), 3);
}

QTEST_GUILESS_MAIN(TestProviderShapes)
#include "tst_providershapes.moc"
