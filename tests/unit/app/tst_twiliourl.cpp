// Base URL forms (issue 15, item 8): every way a person may type Twilio's address, or the
// sandbox's, maps to the right API, Lookup and Sync hosts.
#include "AccountConfig.h"
#include "TwilioUrl.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestTwilioUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hosts_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<QString>("sync");
        const QString api = u"https://api.twilio.com"_s;
        const QString lookups = u"https://lookups.twilio.com"_s;
        const QString sync = u"https://sync.twilio.com"_s;
        QTest::newRow("Twilio") << api << api << lookups << sync;
        QTest::newRow("trailing slash") << u"https://api.twilio.com/"_s << api << lookups << sync;
        QTest::newRow("slashes") << u"https://api.twilio.com///"_s << api << lookups << sync;
        QTest::newRow("upper case") << u"HTTPS://API.Twilio.com/"_s << api << lookups << sync;
        QTest::newRow("explicit 443") << u"https://api.twilio.com:443/"_s << api << lookups << sync;
        QTest::newRow("edge and region")
            << u"https://api.dublin.ie1.twilio.com/"_s << u"https://api.dublin.ie1.twilio.com"_s
            << u"https://lookups.dublin.ie1.twilio.com"_s
            << u"https://sync.dublin.ie1.twilio.com"_s;
        QTest::newRow("region only")
            << u"https://api.au1.twilio.com"_s << u"https://api.au1.twilio.com"_s
            << u"https://lookups.au1.twilio.com"_s << u"https://sync.au1.twilio.com"_s;
        const QString sandbox = u"http://127.0.0.1:8931"_s;
        QTest::newRow("sandbox") << sandbox << sandbox << sandbox << sandbox;
        QTest::newRow("sandbox, slash")
            << u"http://127.0.0.1:8931/"_s << sandbox << sandbox << sandbox;
        const QString proxy = u"https://proxy.example.com/twilio"_s;
        QTest::newRow("proxy with a prefix")
            << u"https://proxy.example.com/twilio/"_s << proxy << proxy << proxy;
    }

    void hosts()
    {
        QFETCH(QString, typed);
        QFETCH(QString, api);
        QFETCH(QString, lookup);
        QFETCH(QString, sync);
        const TwilioUrl::Hosts hosts = TwilioUrl::hostsFor(QUrl(typed));
        QCOMPARE(hosts.api.toString(), api);
        QCOMPARE(hosts.lookup.toString(), lookup);
        QCOMPARE(hosts.sync.toString(), sync);
        // What every command and the setup dialog build from one typed URL.
        const AccountConfig config =
            AccountConfig::forSingleBaseUrl(u"A"_s, u"AC"_s + QString(32, u'a'), QUrl(typed));
        QCOMPARE(config.lookupBaseUrl.toString(), lookup);
        QCOMPARE(config.syncBaseUrl.toString(), sync);
        // A request path lands under the API host, with one slash.
        QCOMPARE(TwilioUrl::under(hosts.lookup, "/v2/PhoneNumbers/+14155550100").path(),
                 QUrl(lookup).path() + u"/v2/PhoneNumbers/+14155550100"_s);
    }
};

QTEST_GUILESS_MAIN(TestTwilioUrl)
#include "tst_twiliourl.moc"
