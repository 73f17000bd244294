// Messages over real HTTP: auth, create/fetch, validation errors, segments, list filters and
// paging across several pages.
#include "SandboxFixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace sandbox;

namespace {
const QString kSupport = u"+14155550100"_s;
const QString kSales = u"+14155550101"_s;
} // namespace

class TestSandboxMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m.start()); }
    void cleanup() { m = {}; }

    void missingOrWrongCredentialsGet401_data();
    void missingOrWrongCredentialsGet401();
    void createThenFetch();
    void createErrors_data();
    void createErrors();
    void segmentsAsTwilioCounts_data();
    void segmentsAsTwilioCounts();
    void listPagesThroughEverythingNewestFirst();
    void previousPageUriReturnsThePreviousPage();
    void listFiltersByToAndFrom();
    void listFiltersByDateSent_data();
    void listFiltersByDateSent();
    void badPagingParametersAreRejected_data();
    void badPagingParametersAreRejected();
    void farPageIsEmptyNotNegative();
    void trialAccountAndSmartEncodingRewriteBodies();
    void unknownSidIs404();
    void wrongMethodIs405();
    void seedEndpointAddsHistory();
    void sameSeedSameAnswers();

private:
    QList<QJsonObject> listAll(const QString &query, int pageSize, int *pages = nullptr);
    SandboxFixture m;
};

void TestSandboxMessages::missingOrWrongCredentialsGet401_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("otherAccountInPath");
    QTest::newRow("no credentials") << QString() << QString() << false;
    QTest::newRow("wrong token") << u"SID"_s << u"0123456789abcdef0123456789abcdef"_s << false;
    QTest::newRow("wrong account")
        << u"AC00000000000000000000000000000000"_s << u"TOKEN"_s << false;
    QTest::newRow("right credentials, other account in path") << u"SID"_s << u"TOKEN"_s << true;
}

void TestSandboxMessages::missingOrWrongCredentialsGet401()
{
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(bool, otherAccountInPath);
    if (user == u"SID"_s)
        user = m.server->accountSid();
    if (password == u"TOKEN"_s)
        password = m.server->authToken();
    SandboxClient client(m.server->baseUrl(), m.server->accountSid(), m.server->authToken());
    client.setCredentials(user, password);
    if (user.isEmpty())
        client.setCredentials({}, {});
    const QString path =
        otherAccountInPath
            ? u"/2010-04-01/Accounts/AC11111111111111111111111111111111/Messages.json"_s
            : client.account(u"/Messages.json"_s);
    const HttpResult result = user.isEmpty() ? SandboxClient::wait([&] {
        QNetworkAccessManager *nam = new QNetworkAccessManager(this);
        return nam->get(QNetworkRequest(QUrl(m.server->baseUrl().toString() + path)));
    }())
                                             : client.get(path);
    QCOMPARE(result.status, 401);
    QCOMPARE(result.json.value(u"code"_s).toInt(), 20003);
    QCOMPARE(result.json.value(u"status"_s).toInt(), 401);
    QCOMPARE(result.json.value(u"more_info"_s).toString(),
             u"https://www.twilio.com/docs/errors/20003"_s);
    QVERIFY(!result.json.value(u"message"_s).toString().isEmpty());
}

void TestSandboxMessages::createThenFetch()
{
    const HttpResult created =
        m.client->sendMessage(kSupport, u"+14155550142"_s, u"Your table is ready"_s);
    QCOMPARE(created.status, 201);
    const QString sid = created.json.value(u"sid"_s).toString();
    QVERIFY2(QRegularExpression(u"\\ASM[0-9a-f]{32}\\z"_s).match(sid).hasMatch(), qPrintable(sid));
    QCOMPARE(created.json.value(u"status"_s).toString(), u"queued"_s);
    QCOMPARE(created.json.value(u"direction"_s).toString(), u"outbound-api"_s);
    QCOMPARE(created.json.value(u"from"_s).toString(), kSupport);
    QCOMPARE(created.json.value(u"to"_s).toString(), u"+14155550142"_s);
    QVERIFY(created.json.value(u"price"_s).isNull());
    QVERIFY(created.json.value(u"date_sent"_s).isNull());
    QVERIFY(created.json.value(u"error_code"_s).isNull());
    QCOMPARE(created.json.value(u"num_segments"_s).toString(), u"1"_s);
    QCOMPARE(created.json.value(u"account_sid"_s).toString(), m.server->accountSid());
    QCOMPARE(created.json.value(u"uri"_s).toString(),
             m.client->account(u"/Messages/"_s + sid + u".json"_s));
    // RFC 2822 dates in GMT, as the 2010 API writes them.
    const QString created2822 = created.json.value(u"date_created"_s).toString();
    QVERIFY2(
        QRegularExpression(
            u"\\A(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000\\z"_s)
            .match(created2822)
            .hasMatch(),
        qPrintable(created2822));

    const HttpResult fetched = m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s));
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json.value(u"body"_s).toString(), u"Your table is ready"_s);
    // The carrier moves it on to delivered, with a price and a date_sent.
    QTRY_COMPARE_WITH_TIMEOUT(m.messageStatus(sid), u"delivered"_s, 20000);
    const QJsonObject delivered =
        m.client->get(m.client->account(u"/Messages/"_s + sid + u".json"_s)).json;
    QCOMPARE(delivered.value(u"price"_s).toString(), u"-0.00790"_s);
    QCOMPARE(delivered.value(u"price_unit"_s).toString(), u"USD"_s);
    QVERIFY(!delivered.value(u"date_sent"_s).isNull());
}

void TestSandboxMessages::createErrors_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("code");
    const QString ok = u"Hello"_s;
    QTest::newRow("missing To") << kSupport << QString() << ok << 21604;
    QTest::newRow("missing From") << QString() << u"+14155550142"_s << ok << 21603;
    QTest::newRow("missing Body") << kSupport << u"+14155550142"_s << QString() << 21602;
    QTest::newRow("empty Body") << kSupport << u"+14155550142"_s << u""_s << 21602;
    QTest::newRow("body of 1601 characters")
        << kSupport << u"+14155550142"_s << QString(1601, u'a') << 21617;
    QTest::newRow("To not a number") << kSupport << u"hello"_s << ok << 21211;
    QTest::newRow("To too short") << kSupport << u"+1415555"_s << ok << 21211;
    QTest::newRow("To of 20,000 digits")
        << kSupport << (u"+1"_s + QString(20000, u'5')) << ok << 21211;
    QTest::newRow("From not a number") << u"not-a-number"_s << u"+14155550142"_s << ok << 21212;
    QTest::newRow("From valid but not ours")
        << u"+16175551212"_s << u"+14155550142"_s << ok << 21606;
    QTest::newRow("From ours but voice only")
        << u"+14155550102"_s << u"+14155550142"_s << ok << 21606;
    QTest::newRow("From a short code not ours") << u"99999"_s << u"+14155550142"_s << ok << 21606;
    QTest::newRow("To a landline (rule 90)") << kSupport << u"+14155550190"_s << ok << 21614;
    QTest::newRow("To a UK fixed line") << kSupport << u"+442079460000"_s << ok << 21614;
}

void TestSandboxMessages::createErrors()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, body);
    QFETCH(int, code);
    SandboxClient::Form form;
    if (!to.isNull())
        form.append({u"To"_s, to});
    if (!from.isNull())
        form.append({u"From"_s, from});
    if (!body.isNull())
        form.append({u"Body"_s, body});
    const HttpResult result = m.client->post(m.client->account(u"/Messages.json"_s), form);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json.value(u"code"_s).toInt(), code);
    QCOMPARE(result.json.value(u"status"_s).toInt(), 400);
    QCOMPARE(result.json.value(u"more_info"_s).toString(),
             u"https://www.twilio.com/docs/errors/"_s + QString::number(code));
    // Nothing was created.
    QCOMPARE(m.client->get(m.client->account(u"/Messages.json"_s))
                 .json.value(u"messages"_s)
                 .toArray()
                 .size(),
             0);
}

void TestSandboxMessages::segmentsAsTwilioCounts_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("segments");
    QTest::newRow("GSM-7 160") << QString(160, u'a') << 1;
    QTest::newRow("GSM-7 161") << QString(161, u'a') << 2;
    QTest::newRow("GSM-7 306 = 2 x 153") << QString(306, u'a') << 2;
    QTest::newRow("GSM-7 307") << QString(307, u'a') << 3;
    QTest::newRow("extension chars count twice: 80 x €") << QString(80, u'€') << 1;
    QTest::newRow("81 x € = 162 septets") << QString(81, u'€') << 2;
    // 152 'a' then '€': the escape pair may not straddle the 153-septet boundary.
    QTest::newRow("escape pair not split") << (QString(152, u'a') + u"€" + QString(10, u'a')) << 2;
    QTest::newRow("UCS-2 70") << QString(70, u'ж') << 1;
    QTest::newRow("UCS-2 71") << QString(71, u'ж') << 2;
    QTest::newRow("UCS-2 134 = 2 x 67") << QString(134, u'ж') << 2;
    QTest::newRow("emoji are two UCS-2 units") << QString(u"😀"_s).repeated(35) << 1;
    QTest::newRow("36 emoji") << QString(u"😀"_s).repeated(36) << 2;
    QTest::newRow("1600 GSM-7 characters") << QString(1600, u'b') << 11;
}

void TestSandboxMessages::segmentsAsTwilioCounts()
{
    QFETCH(QString, body);
    QFETCH(int, segments);
    const HttpResult result = m.client->sendMessage(kSupport, u"+14155550142"_s, body);
    QCOMPARE(result.status, 201);
    QCOMPARE(result.json.value(u"num_segments"_s).toString(), QString::number(segments));
    QCOMPARE(result.json.value(u"body"_s).toString(), body);
}

QList<QJsonObject> TestSandboxMessages::listAll(const QString &query, int pageSize, int *pages)
{
    QList<QJsonObject> all;
    QString next = m.client->account(u"/Messages.json"_s) + query +
                   (query.isEmpty() ? u"?"_s : u"&"_s) + u"PageSize="_s + QString::number(pageSize);
    int count = 0;
    while (!next.isEmpty()) {
        const HttpResult page = m.client->get(next);
        if (page.status != 200)
            return {};
        ++count;
        for (const QJsonValue &v : page.json.value(u"messages"_s).toArray())
            all.append(v.toObject());
        next = page.json.value(u"next_page_uri"_s).toString();
    }
    if (pages)
        *pages = count;
    return all;
}

void TestSandboxMessages::listPagesThroughEverythingNewestFirst()
{
    QSet<QString> sent;
    for (int i = 0; i < 23; ++i) {
        const HttpResult r =
            m.client->sendMessage(i % 2 ? kSupport : kSales, u"+14155550142"_s, u"n%1"_s.arg(i));
        QCOMPARE(r.status, 201);
        sent.insert(r.json.value(u"sid"_s).toString());
    }
    int pages = 0;
    const QList<QJsonObject> all = listAll({}, 5, &pages);
    QCOMPARE(pages, 5); // 5 + 5 + 5 + 5 + 3
    QCOMPARE(all.size(), 23);
    QSet<QString> listed;
    for (const QJsonObject &o : all)
        listed.insert(o.value(u"sid"_s).toString());
    QCOMPARE(listed, sent);
    // Newest first: bodies n22 ... n0.
    for (int i = 0; i < all.size(); ++i)
        QCOMPARE(all[i].value(u"body"_s).toString(), u"n%1"_s.arg(22 - i));

    const HttpResult first = m.client->get(m.client->account(u"/Messages.json?PageSize=5"_s));
    QCOMPARE(first.json.value(u"page"_s).toInt(), 0);
    QCOMPARE(first.json.value(u"page_size"_s).toInt(), 5);
    QCOMPARE(first.json.value(u"start"_s).toInt(), 0);
    QCOMPARE(first.json.value(u"end"_s).toInt(), 4);
    QVERIFY(first.json.value(u"previous_page_uri"_s).isNull());
    const QString next = first.json.value(u"next_page_uri"_s).toString();
    QVERIFY2(next.contains(u"PageToken=PASM"_s) && next.contains(u"Page=1"_s), qPrintable(next));
    const HttpResult second = m.client->get(next);
    QCOMPARE(second.json.value(u"page"_s).toInt(), 1);
    QCOMPARE(second.json.value(u"start"_s).toInt(), 5);
    QCOMPARE(second.json.value(u"end"_s).toInt(), 9);

    // A message created while paging does not shift the pages still to come (keyset paging).
    m.client->sendMessage(kSupport, u"+14155550142"_s, u"late"_s);
    const HttpResult secondAgain = m.client->get(next);
    QCOMPARE(secondAgain.json.value(u"messages"_s).toArray(),
             second.json.value(u"messages"_s).toArray());
}

void TestSandboxMessages::previousPageUriReturnsThePreviousPage()
{
    for (int i = 0; i < 12; ++i)
        QCOMPARE(m.client->sendMessage(kSupport, u"+14155550142"_s, u"p%1"_s.arg(i)).status, 201);
    const HttpResult first = m.client->get(m.client->account(u"/Messages.json?PageSize=4"_s));
    const HttpResult second = m.client->get(first.json.value(u"next_page_uri"_s).toString());
    const QString previous = second.json.value(u"previous_page_uri"_s).toString();
    QVERIFY(!previous.isEmpty());
    const HttpResult back = m.client->get(previous);
    QCOMPARE(back.status, 200);
    QCOMPARE(back.json.value(u"messages"_s).toArray(), first.json.value(u"messages"_s).toArray());
}

void TestSandboxMessages::listFiltersByToAndFrom()
{
    const QStringList customers = {u"+14155550142"_s, u"+14155550143"_s, u"+14155550144"_s};
    for (int i = 0; i < 9; ++i)
        QCOMPARE(m.client->sendMessage(i % 2 ? kSupport : kSales, customers[i % 3], u"f%1"_s.arg(i))
                     .status,
                 201);
    const QList<QJsonObject> everything = listAll({}, 50);
    for (const QString &customer : customers) {
        const QList<QJsonObject> filtered = listAll(SandboxClient::query({{u"To"_s, customer}}), 2);
        qsizetype expected = 0;
        for (const QJsonObject &o : everything)
            expected += o.value(u"to"_s).toString() == customer;
        QCOMPARE(filtered.size(), expected);
        for (const QJsonObject &o : filtered)
            QCOMPARE(o.value(u"to"_s).toString(), customer);
    }
    const QList<QJsonObject> fromSales =
        listAll(SandboxClient::query({{u"From"_s, kSales}, {u"To"_s, customers[0]}}), 50);
    for (const QJsonObject &o : fromSales) {
        QCOMPARE(o.value(u"from"_s).toString(), kSales);
        QCOMPARE(o.value(u"to"_s).toString(), customers[0]);
    }
    QVERIFY(!fromSales.isEmpty());
    QVERIFY(listAll(SandboxClient::query({{u"To"_s, u"+14155550177"_s}}), 50).isEmpty());
}

void TestSandboxMessages::listFiltersByDateSent_data()
{
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<int>("dayOffset"); // days before today (UTC, sandbox clock)
    QTest::newRow("DateSent on a day") << u"DateSent"_s << 3;
    QTest::newRow("DateSent<= a day") << u"DateSent<"_s << 5;
    QTest::newRow("DateSent>= a day") << u"DateSent>"_s << 7;
}

void TestSandboxMessages::listFiltersByDateSent()
{
    QFETCH(QString, parameter);
    QFETCH(int, dayOffset);
    m.server->seedHistory(400, 20, 10);
    const QDate day =
        QDateTime::fromMSecsSinceEpoch(m.server->nowMs(), Qt::UTC).date().addDays(-dayOffset);
    const QList<QJsonObject> everything = listAll({}, 1000);
    QCOMPARE(everything.size(), 400);
    qsizetype expected = 0;
    for (const QJsonObject &o : everything) {
        const QDate sent =
            QDateTime::fromString(o.value(u"date_sent"_s).toString(), Qt::RFC2822Date)
                .toUTC()
                .date();
        if (parameter == u"DateSent"_s)
            expected += sent == day;
        else if (parameter == u"DateSent<"_s)
            expected += sent <= day;
        else
            expected += sent >= day;
    }
    QVERIFY(expected > 0 && expected < 400);
    const QList<QJsonObject> filtered =
        listAll(SandboxClient::query({{parameter, day.toString(Qt::ISODate)}}), 37);
    QCOMPARE(filtered.size(), expected);
}

void TestSandboxMessages::badPagingParametersAreRejected_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("PageSize 0") << u"?PageSize=0"_s;
    QTest::newRow("PageSize 1001") << u"?PageSize=1001"_s;
    QTest::newRow("PageSize text") << u"?PageSize=many"_s;
    QTest::newRow("unknown PageToken") << u"?PageToken=PAnothing"_s;
    QTest::newRow("bad DateSent") << u"?DateSent=yesterday"_s;
    // Page x PageSize beyond int: once a negative start (and a UBSan abort).
    QTest::newRow("Page overflows") << u"?PageSize=1000&Page=2147483"_s + u"0"_s;
    QTest::newRow("largest Page") << u"?PageSize=2&Page=2147483647"_s;
}

void TestSandboxMessages::badPagingParametersAreRejected()
{
    QFETCH(QString, query);
    const HttpResult result = m.client->get(m.client->account(u"/Messages.json"_s) + query);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json.value(u"code"_s).toInt(), 20001);
    QVERIFY(!result.json.value(u"message"_s).toString().isEmpty());
}

void TestSandboxMessages::farPageIsEmptyNotNegative()
{
    // The last page number whose offset fits: an empty page whose start is that offset.
    const HttpResult result =
        m.client->get(m.client->account(u"/Messages.json"_s) + u"?PageSize=1000&Page=2147483"_s);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(u"start"_s).toDouble(), 2147483000.0);
    QVERIFY(result.json.value(u"messages"_s).toArray().isEmpty());
    QVERIFY(result.json.value(u"next_page_uri"_s).isNull());
}

void TestSandboxMessages::trialAccountAndSmartEncodingRewriteBodies()
{
    SandboxOptions options = SandboxFixture::testOptions();
    options.trialAccount = true;
    options.smartEncoding = true;
    SandboxFixture trial;
    QVERIFY(trial.start(options));
    const HttpResult r = trial.client->sendMessage(
        kSupport, u"+14155550142"_s, u"It\u2019s \u201Cdone\u201D \u2014 see you\u2026"_s);
    QCOMPARE(r.status, 201);
    const QString expected = u"Sent from your Twilio trial account - It's \"done\" - see you..."_s;
    QCOMPARE(r.json.value(u"body"_s).toString(), expected);
    const HttpResult fetched = trial.client->get(
        trial.client->account(u"/Messages/"_s + r.json.value(u"sid"_s).toString() + u".json"_s));
    QCOMPARE(fetched.json.value(u"body"_s).toString(), expected);
    // Smart Encoding made it GSM-7: one segment, not UCS-2's.
    QCOMPARE(fetched.json.value(u"num_segments"_s).toString(), u"1"_s);
}

void TestSandboxMessages::unknownSidIs404()
{
    const HttpResult result =
        m.client->get(m.client->account(u"/Messages/SM00000000000000000000000000000000.json"_s));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.json.value(u"code"_s).toInt(), 20404);
}

void TestSandboxMessages::wrongMethodIs405()
{
    const HttpResult result = m.client->del(m.client->account(u"/Messages.json"_s));
    QCOMPARE(result.status, 405);
    QCOMPARE(result.json.value(u"code"_s).toInt(), 20004);
}

void TestSandboxMessages::seedEndpointAddsHistory()
{
    const HttpResult seeded =
        m.client->post(u"/sandbox/seed"_s, {{u"Messages"_s, u"250"_s}, {u"Threads"_s, u"10"_s}});
    QCOMPARE(seeded.status, 201);
    QCOMPARE(seeded.json.value(u"total_messages"_s).toInt(), 250);
    const QList<QJsonObject> all = listAll({}, 100);
    QCOMPARE(all.size(), 250);
    QSet<QString> customers;
    for (const QJsonObject &o : all) {
        const bool inbound = o.value(u"direction"_s).toString() == u"inbound"_s;
        QCOMPARE(o.value(u"status"_s).toString(), inbound ? u"received"_s : u"delivered"_s);
        customers.insert(o.value(inbound ? u"from"_s : u"to"_s).toString());
    }
    QVERIFY(customers.size() <= 10);
    QCOMPARE(m.client->post(u"/sandbox/seed"_s, {{u"Messages"_s, u"lots"_s}}).status, 400);
}

void TestSandboxMessages::sameSeedSameAnswers()
{
    const auto run = [](QString *account, QString *sid) {
        SandboxFixture f;
        if (!f.start())
            return;
        *account = f.server->accountSid();
        *sid = f.client->sendMessage(kSupport, u"+14155550142"_s, u"same"_s)
                   .json.value(u"sid"_s)
                   .toString();
    };
    QString account1, sid1, account2, sid2;
    run(&account1, &sid1);
    run(&account2, &sid2);
    QVERIFY(!sid1.isEmpty());
    QCOMPARE(account2, account1);
    QCOMPARE(sid2, sid1);
}

QTEST_MAIN(TestSandboxMessages)
#include "tst_sandbox_messages.moc"
