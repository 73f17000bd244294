// The status bar's "keywords not answered (too old)" count: it follows the notes the outbox
// (or the keyword processing) writes when a keyword's reply would have left after the reply
// window, through the change feed, and is hidden while there are none.
#include "ChangeFeed.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "ThreadFixture.h"
#include "UnansweredKeywords.h"
#include "UnansweredKeywordsIndicator.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

class TstUnansweredKeywords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countFollowsTheNotes();
};

void TstUnansweredKeywords::countFollowsTheNotes()
{
    ThreadFixture fx;
    QVERIFY(fx.open());
    const QString customer = u"+14155552671"_s;
    QVERIFY(fx.upsert(ThreadFixture::AccountA,
                      {ThreadFixture::message(customer, ThreadFixture::Support, u"HELP"_s,
                                              QDateTime::currentDateTimeUtc().addDays(-2))}));
    StoreWriter writer(fx.dir() + u"/profile.sqlite"_s);
    QVERIFY(writer.open());
    StoreReader reader(fx.dir() + u"/profile.sqlite"_s);
    QVERIFY(reader.open());
    UnansweredKeywordsIndicator indicator(reader, writer.changes());
    indicator.show();
    indicator.setAccount(ThreadFixture::AccountA);
    QVERIFY(indicator.isHidden());

    const QString line =
        UnansweredKeywords::line(u"HELP"_s, 48LL * 3600 * 1000, 24LL * 3600 * 1000);
    QCOMPARE(line, u"HELP received 48 h ago was not answered automatically (older than 24 h)"_s);
    writer.post(
        [line](WriterContext &c) {
            QSqlQuery q(c.db());
            q.exec(u"SELECT id FROM messages ORDER BY id LIMIT 1"_s);
            q.next();
            const qint64 message = q.value(0).toLongLong();
            q.exec(u"SELECT thread_id FROM messages ORDER BY id LIMIT 1"_s);
            q.next();
            return c.repo<UnansweredKeywords>().record(q.value(0).toLongLong(), message, line, 1);
        },
        this, [](bool) {});
    QTRY_COMPARE(indicator.text(), u"1 keyword not answered (too old)"_s);
    QVERIFY(indicator.isVisible());
    QCOMPARE(UnansweredKeywordsIndicator::describe(3), u"3 keywords not answered (too old)"_s);
    QCOMPARE(UnansweredKeywordsIndicator::describe(0), QString());
}

QTEST_MAIN(TstUnansweredKeywords)
#include "tst_unansweredkeywords.moc"
