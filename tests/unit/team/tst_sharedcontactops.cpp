// Contacts and imported opt-ins as team ops between desktops applying one log: an import of
// 10,000 contacts (or opt-ins) is queued as few packed items, each under Sync's 16 KiB, and
// reaches the other desktop whole; applying twice is applying once; per contact and field, the
// op later in the log wins on every desktop, and a field one import did not map stays as a
// teammate set it.
#include "ConsentImportOpApplier.h"
#include "ContactImport.h"
#include "ContactImportShare.h"
#include "ImportRows.h"
#include "TeamDesks.h"
#include "TeamOpPacker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;
using Origin = TeamOpApplier::Origin;

namespace {
constexpr qint64 Account = ThreadFixture::AccountA;

QString numberOf(int i)
{
    return u"+1415%1"_s.arg(5600000 + i, 7, 10, QLatin1Char('0'));
}

CsvTable table(const QStringList &header, const QList<QStringList> &rows)
{
    CsvTable t;
    t.header = header;
    t.rows = rows;
    for (int i = 0; i < rows.size(); ++i)
        t.rowNumbers.append(i + 2);
    return t;
}
} // namespace

class TstSharedContactOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void packerKeepsEveryItemUnderTheLimit();
    void tenThousandContactsTravelInFewItems();
    void tenThousandOptInsTravelInFewItems();
    void applyingTwiceIsApplyingOnce();
    void laterOpWinsPerContactAndField();
    void brokenEntriesAreSkipped();
    void importQueuesItsOpsBatchByBatch();
    void badRowAfterQueuedBatchesKeepsNothing();
    void refusedBatchKeepsNothing();

private:
    // What ContactCommands::importContacts does: the import and its ops, in one transaction.
    bool importContacts(TeamDesk &desk, const CsvTable &csv,
                        ContactImport::Result *result = nullptr);
    bool importOptIns(TeamDesk &desk, const QString &csv);
    QList<TeamOp> waiting(TeamDesk &desk);
    // The numbers each call of the import's Options::written was handed, as it was called.
    QList<int> m_batches;
    int m_batch = ContactImport::Options().writtenBatch;
    // A batch (by its place) whose queueing fails, or -1.
    int m_refuseBatch = -1;
    // As TeamLog does, cycle after cycle: append (100 at a time), read back.
    void shareAll(TeamDesk &desk);

    TeamDesk m_a;
    TeamDesk m_b;
    TeamLogInMemory m_log;
};

void TstSharedContactOps::init()
{
    m_log.items.clear();
    m_batches.clear();
    m_batch = ContactImport::Options().writtenBatch;
    m_refuseBatch = -1;
    QVERIFY(m_a.open(u"Ana"_s));
    QVERIFY(m_b.open(u"Sam"_s));
}

void TstSharedContactOps::cleanup()
{
    m_a.fx.reset();
    m_b.fx.reset();
}

bool TstSharedContactOps::importContacts(TeamDesk &desk, const CsvTable &csv,
                                         ContactImport::Result *out)
{
    const QList<ContactImport::Column> mapping = ContactImport::guessMapping(csv.header);
    ContactImport::Options options;
    options.actor = desk.name;
    options.writtenBatch = m_batch;
    ContactImport::Result result;
    TeamShare share(desk.db());
    const bool ok = share.runStreamed(Account, desk.name, [&](const TeamShare::Queue &queue) {
        const auto sink = ContactImportShare(desk.db()).sink(
            Account, ContactImportShare::fieldsOf(mapping), queue);
        options.written = [&, sink](const QStringList &numbers,
                                    const QList<ConsentEvent> &optIns) -> QString {
            m_batches.append(int(numbers.size()));
            if (m_batches.size() - 1 == m_refuseBatch)
                return u"the log refused batch %1"_s.arg(m_refuseBatch);
            return sink(numbers, optIns);
        };
        result = ImportRows(desk.db()).contacts(Account, csv, mapping, options);
        return result.written ? QString() : result.error;
    });
    if (!ok)
        qInfo() << share.errorString();
    if (out)
        *out = result;
    return ok;
}

bool TstSharedContactOps::importOptIns(TeamDesk &desk, const QString &csv)
{
    ConsentCsv::ImportResult result;
    return desk.change(
        [&] {
            result = ImportRows(desk.db()).optIns(Account, csv, desk.name, u"US"_s);
            return result.ok() ? QString() : u"refused"_s;
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            return ConsentImportOpApplier::ops(result.events);
        });
}

QList<TeamOp> TstSharedContactOps::waiting(TeamDesk &desk)
{
    QList<TeamOp> ops;
    const auto pending = TeamOutboxRows(desk.db()).pending(Account, 1000);
    if (pending) {
        for (const auto &p : *pending)
            ops.append(p.op);
    }
    return ops;
}

void TstSharedContactOps::shareAll(TeamDesk &desk)
{
    for (int cycle = 0; cycle < 100 && TeamOutboxRows(desk.db()).count(Account) > 0; ++cycle) {
        QVERIFY(m_log.share(desk));
        m_log.pull(desk);
    }
    QCOMPARE(TeamOutboxRows(desk.db()).count(Account), 0);
}

void TstSharedContactOps::packerKeepsEveryItemUnderTheLimit()
{
    QList<std::pair<QString, QJsonValue>> entries;
    for (int i = 0; i < 3000; ++i)
        entries.append({numberOf(i), QJsonObject{{u"name"_s, QString(i % 97, u'x')}}});
    const QList<TeamOp> ops = TeamOpPacker::packObject(u"contact.put"_s, u"contacts"_s, entries);
    int packed = 0;
    for (const TeamOp &op : ops) {
        QVERIFY(op.encodedSize() <= TeamOpPacker::Budget);
        // Full: the next entry would not have fitted (all but the last op).
        if (&op != &ops.last())
            QVERIFY(op.encodedSize() > TeamOpPacker::Budget - 200);
        packed += int(op.fields.value(u"contacts"_s).toObject().size());
        QCOMPARE(op.target, op.fields.value(u"contacts"_s).toObject().begin().key());
    }
    QCOMPARE(packed, 3000);
    QJsonArray values;
    for (int i = 0; i < 3000; ++i)
        values.append(QJsonObject{{u"n"_s, numberOf(i)}, {u"at"_s, 1.0e12 + i}});
    const QList<TeamOp> arrays =
        TeamOpPacker::packArray(u"consent.import"_s, {}, u"events"_s, values);
    packed = 0;
    for (const TeamOp &op : arrays) {
        QVERIFY(op.encodedSize() <= TeamOpPacker::Budget);
        packed += int(op.fields.value(u"events"_s).toArray().size());
    }
    QCOMPARE(packed, 3000);
    QVERIFY(TeamOpPacker::packArray(u"k"_s, {}, u"events"_s, {}).isEmpty());
}

void TstSharedContactOps::tenThousandContactsTravelInFewItems()
{
    QList<QStringList> rows;
    for (int i = 0; i < 10000; ++i)
        rows.append({numberOf(i), u"Customer %1"_s.arg(i), u"vip;east"_s, u"Springfield"_s,
                     u"America/Chicago"_s, u"2026-01-05T10:00:00Z"_s, u"store form"_s});
    ContactImport::Result result;
    QVERIFY(importContacts(m_a,
                           table({u"phone"_s, u"name"_s, u"tags"_s, u"city"_s, u"time zone"_s,
                                  u"consent at"_s, u"consent source"_s},
                                 rows),
                           &result));
    QCOMPARE(result.inserted, 10000);
    QCOMPARE(result.consentEvents, 10000);
    const QList<TeamOp> ops = waiting(m_a);
    int contactOps = 0;
    int consentOps = 0;
    for (const TeamOp &op : ops) {
        QVERIFY2(op.encodedSize() <= TeamOp::MaxItemBytes, qPrintable(op.kind));
        contactOps += op.kind == u"contact.put"_s;
        consentOps += op.kind == u"consent.import"_s;
    }
    qInfo() << "10,000 contacts:" << contactOps << "contact items," << consentOps
            << "consent items";
    QCOMPARE(contactOps + consentOps, ops.size());
    QVERIFY2(contactOps <= 100, qPrintable(QString::number(contactOps)));
    QVERIFY2(consentOps <= 80, qPrintable(QString::number(consentOps)));

    shareAll(m_a);
    QCOMPARE(m_log.items.size(), ops.size());
    const auto applied = m_log.pull(m_b);
    QCOMPARE(applied.applied, ops.size());
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM contacts"_s).toInt(), 10000);
    QCOMPARE(m_b.scalar(u"SELECT name || '|' || tags || '|' || attributes || '|' || time_zone "
                        u"FROM contacts WHERE number = ?"_s,
                        {numberOf(1234)})
                 .toString(),
             m_a.scalar(u"SELECT name || '|' || tags || '|' || attributes || '|' || time_zone "
                        u"FROM contacts WHERE number = ?"_s,
                        {numberOf(1234)})
                 .toString());
    QCOMPARE(
        m_b.scalar(u"SELECT name FROM contacts WHERE number = ?"_s, {numberOf(1234)}).toString(),
        u"Customer 1234"_s);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM consent_events WHERE kind = 'opt_in' AND "
                        u"source = 'import' AND actor = 'Ana' AND detail = 'store form'"_s)
                 .toInt(),
             10000);
    // A read its own back: nothing recorded twice there.
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM consent_events"_s).toInt(), 10000);
}

void TstSharedContactOps::tenThousandOptInsTravelInFewItems()
{
    QString csv = u"number,occurred_at,sender_number\n"_s;
    for (int i = 0; i < 10000; ++i)
        csv += numberOf(i) + u",2026-01-05T10:00:00Z,"_s +
               (i % 2 ? ThreadFixture::Support : QString()) + u'\n';
    QVERIFY(importOptIns(m_a, csv));
    const QList<TeamOp> ops = waiting(m_a);
    qInfo() << "10,000 opt-ins:" << ops.size() << "items";
    QVERIFY2(ops.size() <= 60, qPrintable(QString::number(ops.size())));
    for (const TeamOp &op : ops) {
        QCOMPARE(op.kind, u"consent.import"_s);
        QVERIFY(op.encodedSize() <= TeamOp::MaxItemBytes);
    }
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM consent_events WHERE kind = 'opt_in'"_s).toInt(),
             10000);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM consent_events WHERE sender_number = ?"_s,
                        {ThreadFixture::Support})
                 .toInt(),
             5000);
    m_log.pull(m_a);
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM consent_events"_s).toInt(), 10000);
}

void TstSharedContactOps::applyingTwiceIsApplyingOnce()
{
    QVERIFY(importContacts(m_a, table({u"phone"_s, u"name"_s, u"consent at"_s},
                                      {{numberOf(1), u"Ana"_s, u"2026-01-05T10:00:00Z"_s}})));
    QVERIFY(m_log.share(m_a));
    QCOMPARE(m_log.items.size(), 2);
    for (const auto &item : std::as_const(m_log.items)) {
        const auto op = TeamOp::fromJson(item.data);
        QVERIFY(op);
        TeamOpApplier applier(m_b.db());
        QCOMPARE(applier.apply(Account, *op, Origin::Log), std::optional(Outcome::Applied));
        QCOMPARE(applier.apply(Account, *op, Origin::Log), std::optional(Outcome::Unchanged));
    }
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM contacts"_s).toInt(), 1);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM consent_events"_s).toInt(), 1);
}

void TstSharedContactOps::laterOpWinsPerContactAndField()
{
    const QString number = numberOf(7);
    // Both desktops change the contact before either shares: A its name and tags, B its name
    // (its import maps no tags). B's reaches the log last.
    QVERIFY(importContacts(
        m_a, table({u"phone"_s, u"name"_s, u"tags"_s}, {{number, u"Ann Lee"_s, u"vip"_s}})));
    QVERIFY(importContacts(m_b, table({u"phone"_s, u"name"_s}, {{number, u"Annie Lee"_s}})));
    QVERIFY(m_log.share(m_a));
    QVERIFY(m_log.share(m_b));
    // B reads A's older name while its own waits: B keeps its own (no flicker), takes the tags.
    m_log.pull(m_b);
    m_log.pull(m_a);
    for (TeamDesk *desk : {&m_a, &m_b}) {
        QCOMPARE(desk->scalar(u"SELECT name FROM contacts WHERE number = ?"_s, {number}).toString(),
                 u"Annie Lee"_s);
        QCOMPARE(desk->scalar(u"SELECT tags FROM contacts WHERE number = ?"_s, {number}).toString(),
                 u"[\"vip\"]"_s);
    }
}

void TstSharedContactOps::brokenEntriesAreSkipped()
{
    TeamOp op;
    op.id = u"op-1"_s;
    op.agent = u"ag-Ana"_s;
    op.kind = u"contact.put"_s;
    op.target = numberOf(1);
    op.fields = {
        {u"contacts"_s,
         QJsonObject{{numberOf(1), QJsonObject{{u"name"_s, 42}}},
                     {u"not a number"_s, QJsonObject{{u"name"_s, u"x"_s}}},
                     {numberOf(2), QJsonObject{{u"name"_s, u"Bo"_s}, {u"colour"_s, u"blue"_s}}}}}};
    TeamOpApplier applier(m_b.db());
    QCOMPARE(applier.apply(Account, op, Origin::Log), std::optional(Outcome::Applied));
    QCOMPARE(m_b.scalar(u"SELECT group_concat(number || ':' || name) FROM contacts"_s).toString(),
             numberOf(2) + u":Bo"_s);
    op.fields = {{u"contacts"_s, QJsonObject{{numberOf(3), QJsonObject{{u"tags"_s, u"vip"_s}}}}}};
    QCOMPARE(applier.apply(Account, op, Origin::Log), std::optional(Outcome::NotApplicable));
    TeamOp consent;
    consent.id = u"op-2"_s;
    consent.kind = u"consent.import"_s;
    consent.fields = {{u"by"_s, u"Ana"_s},
                      {u"events"_s, QJsonArray{QJsonObject{{u"n"_s, numberOf(1)}, {u"at"_s, 1e12}},
                                               QJsonObject{{u"n"_s, numberOf(2)}}}}};
    QCOMPARE(applier.apply(Account, consent, Origin::Log), std::optional(Outcome::NotApplicable));
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM consent_events"_s).toInt(), 0);
}

namespace {
QList<QStringList> customers(int count)
{
    QList<QStringList> rows;
    for (int i = 0; i < count; ++i)
        rows.append({numberOf(i), u"Customer %1"_s.arg(i), u"2026-01-05T10:00:00Z"_s});
    return rows;
}
const QStringList CustomerHeader{u"phone"_s, u"name"_s, u"consent at"_s};
} // namespace

void TstSharedContactOps::importQueuesItsOpsBatchByBatch()
{
    m_batch = 700;
    ContactImport::Result result;
    QVERIFY(importContacts(m_a, table(CustomerHeader, customers(5000)), &result));
    QCOMPARE(result.inserted, 5000);
    // Never more than a batch at once: 7 full batches and the rest after the last row.
    QCOMPARE(m_batches, (QList<int>{700, 700, 700, 700, 700, 700, 700, 100}));
    const QList<TeamOp> ops = waiting(m_a);
    QVERIFY(!ops.isEmpty());
    shareAll(m_a);
    m_log.pull(m_b);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM contacts"_s).toInt(), 5000);
    QCOMPARE(m_b.scalar(u"SELECT count(DISTINCT contact_number) FROM consent_events "
                        u"WHERE kind = 'opt_in'"_s)
                 .toInt(),
             5000);
    QCOMPARE(
        m_b.scalar(u"SELECT name FROM contacts WHERE number = ?"_s, {numberOf(4321)}).toString(),
        u"Customer 4321"_s);
}

void TstSharedContactOps::badRowAfterQueuedBatchesKeepsNothing()
{
    m_batch = 500;
    QList<QStringList> rows = customers(3000);
    rows.append({u"not a number"_s, u"Bad"_s, u"2026-01-05T10:00:00Z"_s});
    ContactImport::Result result;
    QVERIFY(!importContacts(m_a, table(CustomerHeader, rows), &result));
    QVERIFY(!result.written);
    // Six batches were queued before the bad row; the rollback takes them back too.
    QCOMPARE(m_batches.size(), 6);
    QCOMPARE(waiting(m_a).size(), 0);
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM contacts"_s).toInt(), 0);
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM consent_events"_s).toInt(), 0);
}

void TstSharedContactOps::refusedBatchKeepsNothing()
{
    m_batch = 400;
    m_refuseBatch = 2;
    ContactImport::Result result;
    QVERIFY(!importContacts(m_a, table(CustomerHeader, customers(2000)), &result));
    QVERIFY(!result.written);
    QCOMPARE(result.error, u"the log refused batch 2"_s);
    // The import stopped at the refused batch.
    QCOMPARE(m_batches.size(), 3);
    QCOMPARE(waiting(m_a).size(), 0);
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM contacts"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TstSharedContactOps)
#include "tst_sharedcontactops.moc"
