// Numbers › Messaging Services: the pools read from the provider (the sandbox executable),
// shown per service, and the per-number and account-wide switches that send through them.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "MessagingServiceRows.h"
#include "MessagingServicesPage.h"
#include "SandboxProcess.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "TwilioClient.h"

#include <QCheckBox>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstMessagingServicesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsPoolsAndSwitchesSendingThroughThem();

private:
    QList<MessagingServiceRows::Entry> stored(StoreWriter &writer, qint64 account)
    {
        return writer.call([account](WriterContext &context) {
            return context.repo<MessagingServiceRows>().list(account);
        });
    }
};

void TstMessagingServicesPage::showsPoolsAndSwitchesSendingThroughThem()
{
    SandboxProcess sandbox;
    QVERIFY(sandbox.start());
    QTemporaryDir dir;
    StoreWriter writer(dir.filePath(u"profile.db"_s));
    QVERIFY(writer.open());
    const qint64 account = writer.call([&](WriterContext &context) {
        return AccountRows(context.db()).createOrFind(u"Bloom"_s, sandbox.sid);
    });
    StoreReader reader(dir.filePath(u"profile.db"_s));
    QVERIFY(reader.open());
    QNetworkAccessManager network;
    TwilioClient client(&network,
                        AccountConfig::forSingleBaseUrl(u"Bloom"_s, sandbox.sid, sandbox.url),
                        sandbox.token);
    bool connected = false;
    MessagingServicesPage page(reader, &writer, account,
                               [&]() -> ProviderClient * { return connected ? &client : nullptr; });
    page.resize(760, 420);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.tree()->topLevelItemCount(), 0);
    QVERIFY(!page.allThrough()->isEnabled());

    QSignalSpy answered(&page, &MessagingServicesPage::answered);
    page.refreshFromProvider(); // not connected
    QCOMPARE(answered.size(), 1);
    QVERIFY(answered.takeFirst().first().toString().contains(u"Connect"_s));

    connected = true;
    page.refreshFromProvider();
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 20000);
    QCOMPARE(answered.takeFirst().first().toString(), QString());
    QCOMPARE(page.tree()->topLevelItemCount(), 1);
    QTreeWidgetItem *service = page.tree()->topLevelItem(0);
    QCOMPARE(service->text(0), u"SMS Desk A2P 10DLC"_s);
    QVERIFY(service->text(1).startsWith(u"MG"_s));
    QCOMPARE(service->childCount(), 2);
    QCOMPARE(service->child(0)->text(0), u"+14155550100"_s);
    QCOMPARE(service->child(0)->checkState(2), Qt::Checked);
    QVERIFY(page.allThrough()->isChecked());
    const QString dirShots = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dirShots.isEmpty())
        QVERIFY(page.grab().save(dirShots + u"/numbers-messaging-services.png"_s));

    // One number off: stored, and the account-wide switch shows "some".
    service->child(1)->setCheckState(2, Qt::Unchecked);
    QTRY_COMPARE(answered.size(), 1);
    answered.clear();
    QList<MessagingServiceRows::Entry> rows = stored(writer, account);
    QCOMPARE(rows.size(), 2);
    QVERIFY(rows.at(0).sendThrough);
    QVERIFY(!rows.at(1).sendThrough);
    QVERIFY(!page.allThrough()->isChecked());

    // The account-wide switch: all on, all off, all on again.
    page.allThrough()->click();
    QTRY_COMPARE(answered.size(), 1);
    answered.clear();
    rows = stored(writer, account);
    QVERIFY(rows.at(0).sendThrough && rows.at(1).sendThrough);
    page.allThrough()->click();
    QTRY_COMPARE(answered.size(), 1);
    answered.clear();
    rows = stored(writer, account);
    QVERIFY(!rows.at(0).sendThrough && !rows.at(1).sendThrough);
    page.allThrough()->click();
    QTRY_COMPARE(answered.size(), 1);
    answered.clear();

    // A refresh keeps the admin's choice per number.
    service = page.tree()->topLevelItem(0);
    service->child(0)->setCheckState(2, Qt::Unchecked);
    QTRY_COMPARE(answered.size(), 1);
    answered.clear();
    page.refreshFromProvider();
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 1, 20000);
    rows = stored(writer, account);
    QVERIFY(!rows.at(0).sendThrough);
    QVERIFY(rows.at(1).sendThrough);
}

QTEST_MAIN(TstMessagingServicesPage)
#include "tst_messagingservicespage.moc"
