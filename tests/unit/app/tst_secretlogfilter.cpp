// SecretLogFilter: credentials rewritten in every message, header-dumping categories held
// below debug whatever the logging rules say; ProcessHardening: no core dumps.
#include "ProcessHardening.h"
#include "SecretLogFilter.h"

#include <QLoggingCategory>
#include <QTest>

#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace {
QStringList captured;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    captured.append(message);
}
} // namespace

class TstSecretLogFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redact_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("secret");
        QTest::newRow("header line")
            << u"Authorization: Basic QUMxMjM6c2VjcmV0dG9rZW4="_s << u"QUMxMjM6c2VjcmV0dG9rZW4="_s;
        QTest::newRow("lower case, in a dump")
            << u"headers: (\"host\", \"x\"), (\"authorization\", \"Basic dXNlcjpodW50ZXIy\")"_s
            << u"dXNlcjpodW50ZXIy"_s;
        QTest::newRow("proxy") << u"Proxy-Authorization: Bearer abc.def.ghi"_s << u"abc.def.ghi"_s;
        QTest::newRow("bare credential")
            << u"sent Basic c2lkOnRva2VuMTIzNDU2 to host"_s << u"c2lkOnRva2VuMTIzNDU2"_s;
    }

    void redact()
    {
        QFETCH(QString, message);
        QFETCH(QString, secret);
        const QString safe = SecretLogFilter::redact(message);
        QVERIFY2(!safe.contains(secret), qPrintable(safe));
        QVERIFY2(safe.contains(u"[redacted]"_s), qPrintable(safe));
    }

    void ordinaryTextIsKept()
    {
        const QString text = u"synced 12 messages, basic plan, author Ana"_s;
        QCOMPARE(SecretLogFilter::redact(text), text);
    }

    void installedFilterRedactsAndHoldsHeaderCategories()
    {
        qInstallMessageHandler(capture);
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        SecretLogFilter::install();
        static QLoggingCategory server("qt.httpserver.request");
        static QLoggingCategory ours("smsdesk.provider.test");
        QVERIFY(!server.isDebugEnabled());
        QVERIFY(!SecretLogFilter::isHeaderCategory(ours.categoryName()));
        // Rules set later (as QT_LOGGING_RULES or a settings dialog would) do not undo it.
        QLoggingCategory::setFilterRules(u"qt.httpserver*=true"_s);
        QVERIFY(!server.isDebugEnabled());
        QVERIFY(server.isWarningEnabled());

        qCWarning(ours) << "request with"
                        << "Authorization: Basic c2lkOnNlY3JldHNlY3JldA==";
        QCOMPARE(captured.size(), 1);
        QVERIFY2(!captured.first().contains(u"c2lkOnNlY3JldHNlY3JldA=="_s),
                 qPrintable(captured.first()));
        QVERIFY(captured.first().contains(u"request with"_s));
        qInstallMessageHandler(nullptr);
    }

    void coreDumpsAreDisabled()
    {
        QVERIFY(ProcessHardening::disableCoreDumps());
        QVERIFY(ProcessHardening::coreDumpsDisabled());
        if (ProcessHardening::keepsDumpableForSanitizers())
            QSKIP("an ASan build stays dumpable so LeakSanitizer can stop its threads");
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    }
};

QTEST_GUILESS_MAIN(TstSecretLogFilter)
#include "tst_secretlogfilter.moc"
