#include "AccountConfig.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString kValidSid = u"AC0123456789abcdef0123456789ABCDEF"_s;
}

class TestAccountConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accountSid_data()
    {
        QTest::addColumn<QString>("sid");
        QTest::addColumn<QString>("errorMentions"); // empty: valid
        QTest::newRow("mixed-case hex") << kValidSid << QString();
        QTest::newRow("lower-case hex") << u"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s << QString();
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("API key SID") << u"SK0123456789abcdef0123456789abcdef"_s << u"\"AC\""_s;
        QTest::newRow("lower-case prefix")
            << u"ac0123456789abcdef0123456789abcdef"_s << u"\"AC\""_s;
        QTest::newRow("too short") << u"AC0123"_s << u"6 characters instead of 34"_s;
        QTest::newRow("too long") << kValidSid + u'0' << u"35 characters instead of 34"_s;
        QTest::newRow("not hex") << u"AC0123456789abcdef0123456789abcdeg"_s << u"hexadecimal"_s;
        QTest::newRow("trailing space") << kValidSid + u' ' << u"spaces"_s;
        QTest::newRow("leading space") << u' ' + kValidSid << u"spaces"_s;
    }

    void accountSid()
    {
        QFETCH(QString, sid);
        QFETCH(QString, errorMentions);
        const QString error = AccountConfig::accountSidError(sid);
        if (errorMentions.isEmpty()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            QVERIFY2(error.contains(errorMentions), qPrintable(error));
            // Every rejection says what a valid SID looks like.
            QVERIFY2(error.contains(u"32 hexadecimal characters"_s), qPrintable(error));
        }
    }

    void baseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("errorMentions"); // empty: valid
        QTest::newRow("Twilio API") << u"https://api.twilio.com"_s << QString();
        QTest::newRow("https with path prefix")
            << u"https://proxy.example.com/twilio/"_s << QString();
        QTest::newRow("https to loopback") << u"https://127.0.0.1:8443"_s << QString();
        QTest::newRow("http to 127.0.0.1") << u"http://127.0.0.1:8080"_s << QString();
        QTest::newRow("http to 127.5.6.7") << u"http://127.5.6.7"_s << QString();
        QTest::newRow("http to ::1") << u"http://[::1]:9000"_s << QString();
        QTest::newRow("http to mapped ::1") << u"http://[::ffff:127.0.0.1]:9000"_s << QString();
        QTest::newRow("http to localhost") << u"http://localhost:8080/"_s << QString();
        QTest::newRow("http to LOCALHOST") << u"http://LOCALHOST:8080"_s << QString();
        QTest::newRow("http to a remote host") << u"http://api.twilio.com"_s << u"https://"_s;
        QTest::newRow("http to a private address") << u"http://10.0.0.1"_s << u"unencrypted"_s;
        QTest::newRow("http to 128.0.0.1") << u"http://128.0.0.1"_s << u"unencrypted"_s;
        QTest::newRow("http to localhost.example")
            << u"http://localhost.example.com"_s << u"unencrypted"_s;
        QTest::newRow("http to 127.0.0.1.nip.io")
            << u"http://127.0.0.1.nip.io"_s << u"unencrypted"_s;
        QTest::newRow("empty") << QString() << u"empty"_s;
        QTest::newRow("no scheme") << u"api.twilio.com"_s << u"https://"_s;
        QTest::newRow("ftp") << u"ftp://api.twilio.com"_s << u"https://"_s;
        QTest::newRow("credentials in URL")
            << u"https://AC1:secret@api.twilio.com"_s << u"user name or password"_s;
        QTest::newRow("query") << u"https://api.twilio.com/?a=1"_s << u"query"_s;
        QTest::newRow("no host") << u"https:///path"_s << u"host"_s;
    }

    void baseUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, errorMentions);
        const QString error = AccountConfig::baseUrlError(QUrl(url), u"Sync"_s);
        if (errorMentions.isEmpty()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
        } else {
            QVERIFY2(error.contains(errorMentions), qPrintable(error));
            QVERIFY2(error.contains(u"Sync"_s), qPrintable(error));
            QVERIFY2(!error.contains(u"secret"_s), "a password in the URL must not be echoed");
        }
    }

    void defaultsAreTwilio()
    {
        AccountConfig config;
        config.accountSid = kValidSid;
        QCOMPARE(config.validationErrors(), QStringList());
        QCOMPARE(config.apiBaseUrl, QUrl(u"https://api.twilio.com"_s));
        QCOMPARE(config.lookupBaseUrl, QUrl(u"https://lookups.twilio.com"_s));
        QCOMPARE(config.syncBaseUrl, QUrl(u"https://sync.twilio.com"_s));
    }

    void singleBaseUrlServesAllThree()
    {
        const QUrl base(u"http://127.0.0.1:4010"_s);
        const AccountConfig config = AccountConfig::forSingleBaseUrl(u"Sandbox"_s, kValidSid, base);
        QVERIFY(config.isValid());
        QCOMPARE(config.displayName, u"Sandbox"_s);
        QCOMPARE(config.apiBaseUrl, base);
        QCOMPARE(config.lookupBaseUrl, base);
        QCOMPARE(config.syncBaseUrl, base);
    }

    void everyProblemIsReported()
    {
        AccountConfig config;
        config.accountSid = u"nope"_s;
        config.lookupBaseUrl = QUrl(u"http://lookups.example.com"_s);
        const QStringList errors = config.validationErrors();
        QCOMPARE(errors.size(), 2);
        QVERIFY(errors.at(0).contains(u"Account SID"_s));
        QVERIFY(errors.at(1).contains(u"Lookup"_s));
        QVERIFY(!config.isValid());
    }
};

QTEST_GUILESS_MAIN(TestAccountConfig)
#include "tst_accountconfig.moc"
