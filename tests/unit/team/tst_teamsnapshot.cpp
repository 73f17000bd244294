// The pieces of a team log snapshot: compaction keeps the latest op per slot and every op that
// appends; the codec cuts a big team's state into parts Sync accepts and refuses broken ones;
// applying a snapshot moves the position, clears our covered changes and applies once.
#include "TeamCompactionRows.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamSnapshotCodec.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"

#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
const QString Customer = u"+14155552671"_s;
const QDateTime At = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

TeamOp makeOp(const QString &kind, const QString &target, const QJsonObject &fields)
{
    TeamOp op;
    op.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    op.agent = u"ag-ana"_s;
    op.desk = u"desk-a"_s;
    op.at = At.toMSecsSinceEpoch();
    op.kind = kind;
    op.target = target;
    op.fields = fields;
    return op;
}
} // namespace

class TstTeamSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void compactionKeepsTheLatestPerSlotAndEveryAppend();
    void codecRoundTripsABigTeamInSyncSizedParts();
    void codecRefusesBrokenSnapshots_data();
    void codecRefusesBrokenSnapshots();
    void applyingASnapshotMovesThePositionOnce();

private:
    QString target() const { return TeamOp::threadTarget(Customer, ThreadFixture::Support); }
    std::unique_ptr<ThreadFixture> m_fx;
};

void TstTeamSnapshot::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA,
                         {ThreadFixture::message(Customer, ThreadFixture::Support, u"hi"_s, At)}));
    QVERIFY(TeamStateRows(m_fx->db()).join(ThreadFixture::AccountA, u"ag-ana"_s, u"desk-a"_s));
}

void TstTeamSnapshot::cleanup()
{
    m_fx.reset();
}

void TstTeamSnapshot::compactionKeepsTheLatestPerSlotAndEveryAppend()
{
    const QList<TeamOp> ops = {
        makeOp(u"thread.resolve"_s, target(), {}),
        makeOp(u"thread.assign"_s, target(), {{u"value"_s, u"Ana"_s}}),
        makeOp(u"thread.reopen"_s, target(), {}), // same slot as the resolve: replaces it
        makeOp(u"note.add"_s, target(), {{u"body"_s, u"one"_s}}),
        makeOp(u"note.add"_s, target(), {{u"body"_s, u"two"_s}}),
        makeOp(u"thread.assign"_s, target(), {{u"value"_s, u"Bo"_s}}),
        makeOp(u"some.future_kind"_s, u"x"_s, {}), // a newer desktop's: kept for it
    };
    QList<TeamLogWriter::LogItem> items;
    for (int i = 0; i < ops.size(); ++i)
        items.append({i, ops[i].toJson()});
    const auto applied = TeamLogWriter(m_fx->db()).applyItems(ThreadFixture::AccountA, items);
    QVERIFY(applied);
    TeamCompactionRows rows(m_fx->db());
    const auto entries = rows.entries(ThreadFixture::AccountA);
    QVERIFY(entries);
    QList<qint64> indexes;
    for (const auto &entry : *entries)
        indexes << entry.index;
    QCOMPARE(indexes, (QList<qint64>{2, 3, 4, 5, 6}));
    QCOMPARE(entries->at(3).op.value(u"fields"_s).toObject().value(u"value"_s).toString(), u"Bo"_s);
    // An older op arriving late (a retried page) never replaces a newer one.
    QVERIFY(rows.record(ThreadFixture::AccountA, 1, ops[1]));
    QCOMPARE(rows.entries(ThreadFixture::AccountA)->at(3).index, 5);
    QCOMPARE(rows.count(ThreadFixture::AccountA), 5);
}

void TstTeamSnapshot::codecRoundTripsABigTeamInSyncSizedParts()
{
    QList<TeamLogWriter::LogItem> entries;
    for (int i = 0; i < 20000; ++i) {
        const QString customer = u"+1415%1"_s.arg(5550000 + i);
        entries.append({i, makeOp(i % 2 ? u"thread.resolve"_s : u"thread.assign"_s,
                                  TeamOp::threadTarget(customer, ThreadFixture::Support),
                                  {{u"value"_s, u"Agent %1"_s.arg(i % 7)}})
                               .toJson()});
    }
    const QList<QJsonObject> parts = TeamSnapshotCodec::encode(entries);
    QVERIFY(parts.size() > 1);
    for (const QJsonObject &part : parts) {
        // With the store's own id added, as SyncSnapshotStore writes it.
        QJsonObject stored = part;
        stored.insert(u"snap"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(QJsonDocument(stored).toJson(QJsonDocument::Compact).size() <=
                TeamOp::MaxItemBytes);
    }
    // Parts may arrive in any order.
    QList<QJsonObject> shuffled = parts;
    std::reverse(shuffled.begin(), shuffled.end());
    QString error;
    const auto decoded = TeamSnapshotCodec::decode(shuffled, &error);
    QVERIFY2(decoded, qPrintable(error));
    QCOMPARE(decoded->size(), entries.size());
    QCOMPARE(decoded->at(12345).index, 12345);
    QCOMPARE(decoded->at(12345).data, entries.at(12345).data);
    qInfo() << entries.size() << "ops in" << parts.size() << "parts";
}

void TstTeamSnapshot::codecRefusesBrokenSnapshots_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing part") << u"drop"_s << u"has %2 of its %1 parts"_s;
    QTest::newRow("repeated part") << u"repeat"_s << u"is not one of %1"_s;
    QTest::newRow("other version") << u"version"_s << u"another version (2)"_s;
    QTest::newRow("corrupted") << u"corrupt"_s << u"cannot be read"_s;
    QTest::newRow("nothing") << u"empty"_s << u"has no parts"_s;
}

void TstTeamSnapshot::codecRefusesBrokenSnapshots()
{
    QFETCH(QString, breakage);
    QFETCH(QString, expected);
    QList<TeamLogWriter::LogItem> entries;
    // Random bodies do not compress: several parts.
    for (int i = 0; i < 1000; ++i)
        entries.append(
            {i, makeOp(u"note.add"_s, target(), {{u"body"_s, QUuid::createUuid().toString()}})
                    .toJson()});
    QList<QJsonObject> parts = TeamSnapshotCodec::encode(entries);
    QVERIFY(parts.size() >= 3);
    if (expected.contains(u"%2"_s))
        expected = expected.arg(parts.size()).arg(parts.size() - 1);
    else if (expected.contains(u"%1"_s))
        expected = expected.arg(parts.size());
    if (breakage == u"drop")
        parts.removeAt(1);
    else if (breakage == u"repeat")
        parts[2] = parts[1];
    else if (breakage == u"version")
        parts[0].insert(u"v"_s, 2);
    else if (breakage == u"corrupt")
        parts[1].insert(u"z"_s, QString(u"AAAA"_s + parts[1].value(u"z"_s).toString().mid(8)));
    else if (breakage == u"empty")
        parts.clear();
    QString error;
    QVERIFY(!TeamSnapshotCodec::decode(parts, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TstTeamSnapshot::applyingASnapshotMovesThePositionOnce()
{
    // One change of ours was appended at index 4; the snapshot up to 9 replaced it (a later
    // assign), so it is not among the snapshot's ops, yet it is shared.
    TeamOp mine = makeOp(u"thread.assign"_s, target(), {{u"value"_s, u"Me"_s}});
    QVERIFY(TeamLogWriter(m_fx->db()).recordLocal(ThreadFixture::AccountA, mine, 1));
    TeamOutboxRows outbox(m_fx->db());
    QVERIFY(outbox.markAppended(mine.id, 4));
    const QList<TeamLogWriter::LogItem> snapshot = {
        {7, makeOp(u"thread.assign"_s, target(), {{u"value"_s, u"Bo"_s}}).toJson()},
        {8, makeOp(u"note.add"_s, target(), {{u"body"_s, u"from the snapshot"_s}}).toJson()},
    };
    TeamLogWriter writer(m_fx->db());
    const auto applied = writer.applySnapshot(ThreadFixture::AccountA, 9, snapshot);
    QVERIFY2(applied, qPrintable(writer.errorString()));
    QCOMPARE(applied->lastIndex, 9);
    QCOMPARE(outbox.count(ThreadFixture::AccountA), 0);
    QCOMPARE(TeamStateRows(m_fx->db()).state(ThreadFixture::AccountA)->appliedIndex, 9);
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT assignee FROM threads"_s).toString(),
             u"Bo"_s);
    // The same snapshot again, or an older one: nothing changes.
    QVERIFY(writer.applySnapshot(ThreadFixture::AccountA, 9, snapshot));
    QVERIFY(writer.applySnapshot(ThreadFixture::AccountA, 5, {}));
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM thread_notes"_s).toInt(), 1);
    QCOMPARE(TeamStateRows(m_fx->db()).state(ThreadFixture::AccountA)->appliedIndex, 9);
}

QTEST_GUILESS_MAIN(TstTeamSnapshot)
#include "tst_teamsnapshot.moc"
