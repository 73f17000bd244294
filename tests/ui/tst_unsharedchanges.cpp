// The status bar's "not yet shared" line: a change made here while the team log cannot be
// reached shows as waiting, the count follows the queue through the change feed, and the
// line goes once the log has given the changes back.
#include "ChangeFeed.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "SyncStatusWidget.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"
#include "UnsharedChangesIndicator.h"

#include <QLabel>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

class TstUnsharedChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countFollowsTheQueue();
};

void TstUnsharedChanges::countFollowsTheQueue()
{
    ThreadFixture fx;
    QVERIFY(fx.open());
    const QString customer = u"+14155552671"_s;
    QVERIFY(fx.upsert(ThreadFixture::AccountA,
                      {ThreadFixture::message(customer, ThreadFixture::Support, u"hi"_s,
                                              QDateTime::currentDateTimeUtc())}));
    QVERIFY(TeamStateRows(fx.db()).join(ThreadFixture::AccountA, u"ag-ana"_s, u"desk-a"_s));
    StoreWriter writer(fx.dir() + u"/profile.sqlite"_s);
    QVERIFY(writer.open());
    StoreReader reader(fx.dir() + u"/profile.sqlite"_s);
    QVERIFY(reader.open());
    SyncStatusWidget status;
    status.show();
    UnsharedChangesIndicator indicator(reader, writer.changes(), &status);
    indicator.setAccount(ThreadFixture::AccountA);
    QVERIFY(status.unsharedLabel()->isHidden());

    QStringList ids;
    for (const QString &kind : {u"thread.resolve"_s, u"thread.flag"_s}) {
        TeamOp op;
        op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        op.agent = u"ag-ana"_s;
        op.kind = kind;
        op.target = TeamOp::threadTarget(customer, ThreadFixture::Support);
        op.fields = {{u"value"_s, true}};
        ids << op.id;
        writer.post(
            [op](WriterContext &c) {
                return c.repo<TeamLogWriter>()
                    .recordLocal(ThreadFixture::AccountA, op, 1)
                    .has_value();
            },
            this, [](bool) {});
    }
    QTRY_COMPARE(status.unsharedLabel()->text(), u"2 changes not yet shared"_s);
    QVERIFY(status.unsharedLabel()->isVisible());
    // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        status.setTeamOnline({u"Sam"_s});
        status.ended(true);
        status.adjustSize();
        QVERIFY(status.grab().save(dir + u"/team-unshared.png"_s));
    }

    // The log gives them back: shared, the line goes.
    for (const QString &id : std::as_const(ids))
        writer.post([id](WriterContext &c) { return c.repo<TeamOutboxRows>().remove(id); }, this,
                    [](bool) {});
    QTRY_VERIFY(status.unsharedLabel()->isHidden());
    QCOMPARE(SyncStatusWidget::describeUnshared(1), u"1 change not yet shared"_s);
}

QTEST_MAIN(TstUnsharedChanges)
#include "tst_unsharedchanges.moc"
