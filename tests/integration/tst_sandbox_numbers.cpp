// Numbers (IncomingPhoneNumbers, SMS/ShortCodes) and Lookup v2 line type intelligence.
#include "SandboxFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace sandbox;

class TestSandboxNumbers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m.start()); }
    void cleanup() { m = {}; }

    void demoAccountHasTheSeedsNumbers();
    void phoneNumbersPageAndFilter();
    void shortCodesListAndFetch();
    void lookupLineTypes_data();
    void lookupLineTypes();
    void lookupWithoutFieldsHasNoLineType();
    void lookupInvalidNumbers_data();
    void lookupInvalidNumbers();

private:
    QList<QJsonObject> all(const QString &path, const QString &key, int pageSize)
    {
        QList<QJsonObject> out;
        QString next = path + u"?PageSize="_s + QString::number(pageSize);
        while (!next.isEmpty()) {
            const HttpResult page = m.client->get(next);
            if (page.status != 200)
                return {};
            for (const QJsonValue &v : page.json.value(key).toArray())
                out.append(v.toObject());
            next = page.json.value(u"next_page_uri"_s).toString();
        }
        return out;
    }
    SandboxFixture m;
};

void TestSandboxNumbers::demoAccountHasTheSeedsNumbers()
{
    const QList<QJsonObject> numbers =
        all(m.client->account(u"/IncomingPhoneNumbers.json"_s), u"incoming_phone_numbers"_s, 50);
    int smsLongCodes = 0;
    int tollFree = 0;
    for (const QJsonObject &n : numbers) {
        const QJsonObject caps = n.value(u"capabilities"_s).toObject();
        QVERIFY(caps.value(u"sms"_s).isBool() && caps.value(u"mms"_s).isBool() &&
                caps.value(u"voice"_s).isBool());
        QVERIFY(n.value(u"sid"_s).toString().startsWith(u"PN"_s));
        if (n.value(u"type"_s).toString() == u"local"_s && caps.value(u"sms"_s).toBool())
            ++smsLongCodes;
        if (n.value(u"type"_s).toString() == u"tollfree"_s)
            ++tollFree;
    }
    QVERIFY(smsLongCodes >= 2);
    QVERIFY(tollFree >= 1);

    const QJsonArray shortCodes = m.client->get(m.client->account(u"/SMS/ShortCodes.json"_s))
                                      .json.value(u"short_codes"_s)
                                      .toArray();
    QVERIFY(shortCodes.size() >= 2);
    // Exclusive vs shared (with provider keywords) is the sandbox's own knowledge.
    int exclusive = 0;
    int shared = 0;
    for (const QJsonValue &n :
         m.client->get(u"/sandbox/info"_s).json.value(u"numbers"_s).toArray()) {
        if (n[u"kind"_s].toString() != u"short_code"_s)
            continue;
        if (n[u"shared"_s].toBool()) {
            ++shared;
            QVERIFY(!n[u"provider_keywords"_s].toArray().isEmpty());
        } else {
            ++exclusive;
        }
    }
    QVERIFY(exclusive >= 1);
    QVERIFY(shared >= 1);
}

void TestSandboxNumbers::phoneNumbersPageAndFilter()
{
    const QString path = m.client->account(u"/IncomingPhoneNumbers.json"_s);
    const QList<QJsonObject> everything = all(path, u"incoming_phone_numbers"_s, 50);
    const QList<QJsonObject> paged = all(path, u"incoming_phone_numbers"_s, 2);
    QCOMPARE(paged, everything);
    QVERIFY(everything.size() > 2);

    const QJsonArray one =
        m.client->get(path + SandboxClient::query({{u"PhoneNumber"_s, u"+14155550101"_s}}))
            .json.value(u"incoming_phone_numbers"_s)
            .toArray();
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.first()[u"phone_number"_s].toString(), u"+14155550101"_s);
    const QString sid = one.first()[u"sid"_s].toString();
    const HttpResult fetched =
        m.client->get(m.client->account(u"/IncomingPhoneNumbers/"_s + sid + u".json"_s));
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.json, one.first().toObject());
}

void TestSandboxNumbers::shortCodesListAndFetch()
{
    const QString path = m.client->account(u"/SMS/ShortCodes.json"_s);
    const QJsonArray filtered =
        m.client->get(path + SandboxClient::query({{u"ShortCode"_s, u"33733"_s}}))
            .json.value(u"short_codes"_s)
            .toArray();
    QCOMPARE(filtered.size(), 1);
    const QString sid = filtered.first()[u"sid"_s].toString();
    QVERIFY(sid.startsWith(u"SC"_s));
    QCOMPARE(m.client->get(m.client->account(u"/SMS/ShortCodes/"_s + sid + u".json"_s))
                 .json.value(u"short_code"_s)
                 .toString(),
             u"33733"_s);
    QCOMPARE(
        m.client
            ->get(m.client->account(u"/SMS/ShortCodes/SC00000000000000000000000000000000.json"_s))
            .status,
        404);
}

void TestSandboxNumbers::lookupLineTypes_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("country");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("countryCode");
    // The documented rules (docs/SANDBOX.md): last two digits of a US/CA number.
    QTest::newRow("ends 42: mobile")
        << u"+14155550142"_s << QString() << u"+14155550142"_s << u"mobile"_s << u"US"_s;
    QTest::newRow("ends 90: landline")
        << u"+14155550190"_s << QString() << u"+14155550190"_s << u"landline"_s << u"US"_s;
    QTest::newRow("ends 94: fixed VoIP")
        << u"+14155550194"_s << QString() << u"+14155550194"_s << u"fixedVoip"_s << u"US"_s;
    QTest::newRow("ends 81: non-fixed VoIP")
        << u"+14155550181"_s << QString() << u"+14155550181"_s << u"nonFixedVoip"_s << u"US"_s;
    QTest::newRow("ends 97: mobile (unreachable)")
        << u"+14155550197"_s << QString() << u"+14155550197"_s << u"mobile"_s << u"US"_s;
    QTest::newRow("toll-free by numbering plan")
        << u"+18445550100"_s << QString() << u"+18445550100"_s << u"tollFree"_s << u"US"_s;
    QTest::newRow("UK fixed line")
        << u"+442079460000"_s << QString() << u"+442079460000"_s << u"landline"_s << u"GB"_s;
    QTest::newRow("national format with CountryCode")
        << u"(415) 555-0142"_s << u"US"_s << u"+14155550142"_s << u"mobile"_s << u"US"_s;
}

void TestSandboxNumbers::lookupLineTypes()
{
    QFETCH(QString, number);
    QFETCH(QString, country);
    QFETCH(QString, e164);
    QFETCH(QString, type);
    QFETCH(QString, countryCode);
    SandboxClient::Form params{{u"Fields"_s, u"line_type_intelligence"_s}};
    if (!country.isEmpty())
        params.append({u"CountryCode"_s, country});
    const HttpResult r = m.client->get(u"/v2/PhoneNumbers/"_s +
                                       QString::fromLatin1(QUrl::toPercentEncoding(number)) +
                                       SandboxClient::query(params));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"valid"_s).toBool(), true);
    QCOMPARE(r.json.value(u"phone_number"_s).toString(), e164);
    QCOMPARE(r.json.value(u"country_code"_s).toString(), countryCode);
    QVERIFY(!r.json.value(u"national_format"_s).toString().isEmpty());
    const QJsonObject line = r.json.value(u"line_type_intelligence"_s).toObject();
    QCOMPARE(line.value(u"type"_s).toString(), type);
    QVERIFY(line.value(u"error_code"_s).isNull());
    if (type == u"mobile"_s)
        QVERIFY(!line.value(u"carrier_name"_s).toString().isEmpty());
}

void TestSandboxNumbers::lookupWithoutFieldsHasNoLineType()
{
    const HttpResult r = m.client->get(u"/v2/PhoneNumbers/%2B14155550142"_s);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json.value(u"line_type_intelligence"_s).isNull());
    QCOMPARE(r.json.value(u"national_format"_s).toString(), u"(415) 555-0142"_s);
    QCOMPARE(r.json.value(u"calling_country_code"_s).toString(), u"1"_s);
}

void TestSandboxNumbers::lookupInvalidNumbers_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("error");
    QTest::newRow("too long") << u"+141555501234567"_s << u"TOO_LONG"_s;
    QTest::newRow("too short") << u"+1415555"_s << u"TOO_SHORT"_s;
    QTest::newRow("not a number") << u"hello"_s << u"NOT_A_NUMBER"_s;
}

void TestSandboxNumbers::lookupInvalidNumbers()
{
    QFETCH(QString, number);
    QFETCH(QString, error);
    const HttpResult r = m.client->get(u"/v2/PhoneNumbers/"_s +
                                       QString::fromLatin1(QUrl::toPercentEncoding(number)) +
                                       u"?Fields=line_type_intelligence"_s);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"valid"_s).toBool(true), false);
    QCOMPARE(r.json.value(u"validation_errors"_s).toArray(), QJsonArray{error});
    QVERIFY(r.json.value(u"line_type_intelligence"_s).isNull());
    QVERIFY(r.json.value(u"national_format"_s).isNull());
}

QTEST_MAIN(TestSandboxNumbers)
#include "tst_sandbox_numbers.moc"
