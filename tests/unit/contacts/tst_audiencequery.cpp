#include "AccountRows.h"
#include "AudienceQuery.h"
#include "ConsentRows.h"
#include "Database.h"
#include "StoreTestUtil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using StoreTestUtil::exec;

namespace {
const qint64 Now = QDateTime(QDate(2026, 11, 23), QTime(15, 0), Qt::UTC).toMSecsSinceEpoch();
const qint64 Hour = 3600 * 1000;
const QString Our = u"+15550100001"_s;

// One contact per suppression reason (and two that pass), in number order.
struct Seeded
{
    const char16_t *number;
    const char16_t *tags;
    const char16_t *textEnabled;
    const char16_t *expected; // SuppressionReasons name, or "included"
};
const Seeded Contacts[] = {
    {u"+14155550101", u"[\"vip\"]", u"yes", u"included"},
    {u"+14155550102", u"[\"vip\"]", u"yes", u"unsubscribed"},
    {u"+14155550103", u"[]", u"no", u"not_text_enabled"},
    {u"+14155550104", u"[\"vip\"]", u"yes", u"open_support_thread"},
    {u"+14155550105", u"[]", u"yes", u"frequency_cap"},
    {u"+14155550106", u"[\"vip\",\"staff\"]", u"unknown", u"included"},
};
} // namespace

class TstAudienceQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void eachReason_data();
    void eachReason();
    void countsPerReason();
    void recipientsAreTheIncluded();
    void settingsChangeTheCounts();
    void notPromotionalIgnoresCap();
    void segmentsByTagsAndAttributes();
    void segmentsByConsent();
    void perSenderConsent();
    void accountIsolation();

private:
    QSqlDatabase db() const { return m_db->connection(); }
    QString reasonOf(const AudienceQuery::Evaluation &e, const QString &number) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_account = 0;
    qint64 m_other = 0;
};

void TstAudienceQuery::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"a.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(db());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    const qint64 sender = accounts.createOrFindSenderNumber(m_account, Our, 1.0);
    const qint64 otherSender = accounts.createOrFindSenderNumber(m_other, u"+15550100009"_s, 1.0);
    QVERIFY(sender > 0 && otherSender > 0);
    for (const Seeded &c : Contacts) {
        QVERIFY(exec(db(),
                     u"INSERT INTO contacts (account_id, number, tags, text_enabled, attributes) "
                     u"VALUES (?, ?, ?, ?, ?)"_s,
                     {m_account, QString::fromUtf16(c.number), QString::fromUtf16(c.tags),
                      QString::fromUtf16(c.textEnabled), u"{\"plan\":\"gold\"}"_s})
                    .isActive());
    }
    // The other account knows 0101 too, has opted it out and has an open thread with it.
    exec(db(), u"INSERT INTO contacts (account_id, number, tags) VALUES (?, ?, '[\"vip\"]')"_s,
         {m_other, u"+14155550101"_s});
    ConsentRows consent(db());
    ConsentEvent out;
    out.kind = ConsentEvent::Kind::OptOut;
    out.source = ConsentEvent::Source::Keyword;
    out.actor = u"system"_s;
    out.occurredAt = QDateTime::fromMSecsSinceEpoch(Now - 48 * Hour, Qt::UTC);
    out.contactNumber = u"+14155550102"_s;
    QVERIFY(consent.record(m_account, out));
    out.contactNumber = u"+14155550101"_s;
    QVERIFY(consent.record(m_other, out));
    // Open threads.
    exec(db(),
         u"INSERT INTO threads (account_id, customer_number, sender_number_id, status) "
         u"VALUES (?, ?, ?, 'open')"_s,
         {m_account, u"+14155550104"_s, sender});
    exec(db(),
         u"INSERT INTO threads (account_id, customer_number, sender_number_id, status) "
         u"VALUES (?, ?, ?, 'resolved')"_s,
         {m_account, u"+14155550101"_s, sender});
    exec(db(),
         u"INSERT INTO threads (account_id, customer_number, sender_number_id, status) "
         u"VALUES (?, ?, ?, 'open')"_s,
         {m_other, u"+14155550101"_s, otherSender});
    // A campaign text 2 hours ago to 0105 (cap: 1 a day), and one to 0101 from the other account.
    exec(
        db(),
        u"INSERT INTO templates (id, account_id, name, type) VALUES (1, ?, 'Promo', 'promotional')"_s,
        {m_account});
    exec(db(), u"INSERT INTO template_versions (id, template_id, version, body, state, author, "
               u"approver, approved_at) "
               u"VALUES (1, 1, 1, 'Sale! Reply STOP to opt out', 'approved', 'a', 'b', 1)"_s);
    exec(db(),
         u"INSERT INTO campaigns (id, account_id, name, sender_number_id, template_version_id, "
         u"created_by) "
         u"VALUES (1, ?, 'Fall', ?, 1, 'a'), (2, ?, 'Theirs', ?, 1, 'a')"_s,
         {m_account, sender, m_other, otherSender});
    const QString insertMessage =
        u"INSERT INTO messages (account_id, direction, from_number, to_number, body, status, "
        u"client_ref, created_at, updated_at, campaign_id) VALUES (?, 'out', ?, ?, 'Sale', "
        u"'delivered', ?, ?, ?, ?)"_s;
    QVERIFY(exec(db(), insertMessage,
                 {m_account, Our, u"+14155550105"_s, u"r1"_s, Now - 2 * Hour, Now - 2 * Hour, 1})
                .isActive());
    QVERIFY(exec(db(), insertMessage,
                 {m_other, u"+15550100009"_s, u"+14155550101"_s, u"r2"_s, Now - 2 * Hour,
                  Now - 2 * Hour, 2})
                .isActive());
    // A conversation message (no campaign) does not count towards the cap.
    exec(
        db(),
        u"INSERT INTO messages (account_id, direction, from_number, to_number, body, status, "
        u"client_ref, created_at, updated_at) VALUES (?, 'out', ?, ?, 'hi', 'delivered', 'r3', ?, ?)"_s,
        {m_account, Our, u"+14155550106"_s, Now - Hour, Now - Hour});
}

void TstAudienceQuery::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"a.sqlite"_s));
}

QString TstAudienceQuery::reasonOf(const AudienceQuery::Evaluation &e, const QString &number) const
{
    for (const qsizetype i : e.filter.included) {
        if (e.contacts.at(i).number == number)
            return u"included"_s;
    }
    for (const auto &[i, reason] : e.filter.excluded) {
        if (e.contacts.at(i).number == number)
            return SuppressionReasons::toString(reason);
    }
    return u"absent"_s;
}

void TstAudienceQuery::eachReason_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("expected");
    for (const Seeded &c : Contacts)
        QTest::newRow(
            qPrintable(QString::fromUtf16(c.expected) + u' ' + QString::fromUtf16(c.number)))
            << QString::fromUtf16(c.number) << QString::fromUtf16(c.expected);
}

void TstAudienceQuery::eachReason()
{
    QFETCH(QString, number);
    QFETCH(QString, expected);
    AudienceQuery query(db());
    const auto e = query.evaluate(m_account, {}, {Our, Now, true});
    QVERIFY2(e, qPrintable(query.errorString()));
    QCOMPARE(reasonOf(*e, number), expected);
}

void TstAudienceQuery::countsPerReason()
{
    AudienceQuery query(db());
    const auto e = query.evaluate(m_account, {}, {Our, Now, true});
    QVERIFY(e);
    QCOMPARE(e->matched(), int(std::size(Contacts)));
    for (int r = 0; r < SuppressionReasonCount; ++r) {
        const QString name = SuppressionReasons::toString(SuppressionReason(r));
        const int expected =
            int(std::count_if(std::begin(Contacts), std::end(Contacts), [&](const Seeded &c) {
                return QString::fromUtf16(c.expected) == name;
            }));
        QCOMPARE(e->filter.count(SuppressionReason(r)), expected);
    }
    QCOMPARE(e->included(), 2);
}

void TstAudienceQuery::recipientsAreTheIncluded()
{
    AudienceQuery query(db());
    QCOMPARE(query.recipients(m_account, {}, {Our, Now, true}),
             (QList<QString>{u"+14155550101"_s, u"+14155550106"_s}));
}

void TstAudienceQuery::settingsChangeTheCounts()
{
    AudienceQuery query(db());
    auto s = query.settings(m_account);
    QVERIFY(s);
    QCOMPARE(s->frequencyCap.maxPerDay(), 1);
    QCOMPARE(s->frequencyCap.maxPerWeek(), 3);
    QVERIFY(s->suppressOpenThreads);
    s->suppressOpenThreads = false;
    s->frequencyCap = FrequencyCap(2, 5);
    QVERIFY(query.saveSettings(m_account, *s));
    QCOMPARE(query.settings(m_account)->frequencyCap.maxPerWeek(), 5);
    const auto e = query.evaluate(m_account, {}, {Our, Now, true});
    QCOMPARE(reasonOf(*e, u"+14155550104"_s), u"included"_s);
    QCOMPARE(reasonOf(*e, u"+14155550105"_s), u"included"_s);
    QCOMPARE(query.settings(m_other)->frequencyCap.maxPerWeek(), 3); // untouched
    QVERIFY(!query.saveSettings(m_account, {FrequencyCap(-1, 0), true, false}));
}

void TstAudienceQuery::notPromotionalIgnoresCap()
{
    AudienceQuery query(db());
    const auto e = query.evaluate(m_account, {}, {Our, Now, false});
    QCOMPARE(reasonOf(*e, u"+14155550105"_s), u"included"_s);
    // A day later the promotional cap allows it again.
    const auto later = query.evaluate(m_account, {}, {Our, Now + 23 * Hour, true});
    QCOMPARE(reasonOf(*later, u"+14155550105"_s), u"included"_s);
}

void TstAudienceQuery::segmentsByTagsAndAttributes()
{
    AudienceQuery query(db());
    AudienceQuery::Segment vip;
    vip.allTags = {u"vip"_s};
    auto c = query.contacts(m_account, vip);
    QCOMPARE(c->size(), 4);
    vip.excludedTags = {u"staff"_s};
    QCOMPARE(query.contacts(m_account, vip)->size(), 3);
    AudienceQuery::Segment any;
    any.anyTags = {u"staff"_s, u"nobody"_s};
    QCOMPARE(query.contacts(m_account, any)->first().number, u"+14155550106"_s);
    AudienceQuery::Segment attr;
    attr.attributes = {{u"plan"_s, u"gold"_s}};
    QCOMPARE(query.contacts(m_account, attr)->size(), int(std::size(Contacts)));
    attr.attributes = {{u"plan"_s, u"silver"_s}};
    QVERIFY(query.contacts(m_account, attr)->isEmpty());
    QCOMPARE(query.tags(m_account), (QStringList{u"staff"_s, u"vip"_s}));
    QCOMPARE(query.attributeKeys(m_account), QStringList{u"plan"_s});
}

void TstAudienceQuery::segmentsByConsent()
{
    ConsentRows consent(db());
    ConsentEvent in;
    in.kind = ConsentEvent::Kind::OptIn;
    in.source = ConsentEvent::Source::Import;
    in.actor = u"ana"_s;
    in.occurredAt = QDateTime::fromMSecsSinceEpoch(Now - Hour, Qt::UTC);
    in.contactNumber = u"+14155550106"_s;
    QVERIFY(consent.record(m_account, in));
    AudienceQuery query(db());
    AudienceQuery::Segment optedIn;
    optedIn.consent = AudienceQuery::Segment::Consent::OptedInOnly;
    const auto e = query.evaluate(m_account, optedIn, {Our, Now, true});
    QCOMPARE(e->matched(), 1);
    QCOMPARE(e->contacts.first().number, u"+14155550106"_s);
    AudienceQuery::Segment none;
    none.consent = AudienceQuery::Segment::Consent::NoRecord;
    QCOMPARE(query.evaluate(m_account, none, {Our, Now, true})->matched(),
             int(std::size(Contacts)) - 2); // 0102 opted out, 0106 opted in
}

void TstAudienceQuery::perSenderConsent()
{
    // A STOP to another of the account's numbers: per-number scope keeps Our free, but an
    // audience with no sender chosen yet leaves the contact out.
    AccountRows(db()).createOrFindSenderNumber(m_account, u"+15550100002"_s, 1.0);
    ConsentRows consent(db());
    ConsentEvent out;
    out.kind = ConsentEvent::Kind::OptOut;
    out.source = ConsentEvent::Source::Keyword;
    out.actor = u"system"_s;
    out.senderNumber = u"+15550100002"_s;
    out.contactNumber = u"+14155550101"_s;
    out.occurredAt = QDateTime::fromMSecsSinceEpoch(Now - Hour, Qt::UTC);
    QVERIFY(consent.record(m_account, out));
    AudienceQuery query(db());
    QCOMPARE(reasonOf(*query.evaluate(m_account, {}, {Our, Now, true}), u"+14155550101"_s),
             u"included"_s);
    QCOMPARE(reasonOf(*query.evaluate(m_account, {}, {QString(), Now, true}), u"+14155550101"_s),
             u"unsubscribed"_s);
}

void TstAudienceQuery::accountIsolation()
{
    AudienceQuery query(db());
    // 0101 is opted out, capped and has an open thread in the other account only.
    const auto mine = query.evaluate(m_account, {}, {Our, Now, true});
    QCOMPARE(reasonOf(*mine, u"+14155550101"_s), u"included"_s);
    const auto theirs = query.evaluate(m_other, {}, {QString(), Now, true});
    QCOMPARE(theirs->matched(), 1);
    QCOMPARE(reasonOf(*theirs, u"+14155550101"_s), u"unsubscribed"_s);
    QVERIFY(!query.recipients(m_other, {}, {QString(), Now, true}).contains(u"+14155550101"_s));
}

QTEST_GUILESS_MAIN(TstAudienceQuery)
#include "tst_audiencequery.moc"
