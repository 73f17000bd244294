#include "ConsentRows.h"
#include "ContactDetails.h"
#include "ManualConsent.h"
#include "ThreadFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QDateTime at(int minute)
{
    return QDateTime(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC).addSecs(qint64(minute) * 60);
}

const QString Maria = u"+14155550101"_s;

ConsentEvent makeEvent(ConsentEvent::Kind kind, ConsentEvent::Source source, const QString &sender,
                       const QString &detail, int minute)
{
    ConsentEvent e;
    e.contactNumber = Maria;
    e.senderNumber = sender;
    e.kind = kind;
    e.source = source;
    e.detail = detail;
    e.actor = u"alice"_s;
    e.occurredAt = at(minute);
    return e;
}

} // namespace

class TstContactDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readsEverything();
    void accountScoped();
    void customerWithoutContactRow();
    void manualConsentRules_data();
    void manualConsentRules();
    void manualConsentRecordsEventAndAudit();

private:
    std::unique_ptr<ThreadFixture> m_fx;
};

void TstContactDetails::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    using F = ThreadFixture;
    QVERIFY(m_fx->exec(u"INSERT INTO contacts (account_id, number, name, attributes, tags, "
                       u"text_enabled, line_type, text_enabled_source, text_enabled_checked_at) "
                       u"VALUES (1, ?, 'Maria Gonzalez', ?, ?, 'yes', 'mobile', 'lookup', ?)"_s,
                       {Maria, u"{\"first_name\":\"Maria\",\"city\":\"Oakland\"}"_s,
                        u"[\"vip\",\"weddings\"]"_s, at(0).toMSecsSinceEpoch()})
                .isActive());
    QVERIFY(m_fx->exec(u"INSERT INTO contacts (account_id, number, name, tags, text_enabled) "
                       u"VALUES (2, ?, 'Other Account Name', '[\"secret\"]', 'no')"_s,
                       {Maria})
                .isActive());
    QVERIFY(m_fx->upsert(F::AccountA, {F::message(Maria, F::Support, u"hi support"_s, at(1)),
                                       F::message(Maria, F::Sales, u"hi sales"_s, at(2))}));
    QVERIFY(m_fx->upsert(F::AccountB, {F::message(Maria, F::Bakery, u"hi bakery"_s, at(3))}));
    ConsentRows rows(m_fx->db());
    QVERIFY(
        rows.record(F::AccountA, makeEvent(ConsentEvent::Kind::OptIn, ConsentEvent::Source::Form,
                                           u""_s, u"web form"_s, 4)));
    QVERIFY(
        rows.record(F::AccountA, makeEvent(ConsentEvent::Kind::OptOut,
                                           ConsentEvent::Source::Keyword, F::Sales, u"STOP"_s, 5)));
    QVERIFY(
        rows.record(F::AccountB, makeEvent(ConsentEvent::Kind::OptOut, ConsentEvent::Source::Agent,
                                           u""_s, u"B only"_s, 6)));
}

void TstContactDetails::cleanup()
{
    m_fx.reset();
}

void TstContactDetails::readsEverything()
{
    const qint64 supportThread =
        m_fx->threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Support);
    QString error;
    const auto d =
        ContactDetails::load(m_fx->db(), ThreadFixture::AccountA, Maria, supportThread, &error);
    QVERIFY2(d, qPrintable(error));
    QVERIFY(d->hasContactRow);
    QCOMPARE(d->name, u"Maria Gonzalez"_s);
    QCOMPARE(d->number, Maria);
    QCOMPARE(d->numberDisplay, u"+1 415-555-0101"_s);
    QCOMPARE(d->lineType, u"mobile"_s);
    QCOMPARE(d->textEnabled, u"yes"_s);
    QCOMPARE(d->textEnabledSource, u"lookup"_s);
    QCOMPARE(d->textEnabledCheckedAt, at(0).toMSecsSinceEpoch());
    QCOMPARE(d->tags, (QStringList{u"vip"_s, u"weddings"_s}));
    QCOMPARE(d->attributes.value(u"city"_s).toString(), u"Oakland"_s);
    QCOMPARE(d->attributes.size(), 2);

    QCOMPARE(d->consentHistory.size(), 2);
    QCOMPARE(d->consentHistory.at(0).kind, ConsentEvent::Kind::OptIn);
    QCOMPARE(d->consentHistory.at(1).detail, u"STOP"_s);

    // Per number (the default scope): the STOP to Sales stops Sales only.
    QCOMPARE(d->consentBySender.size(), 2);
    for (const ContactDetails::SenderConsent &s : d->consentBySender) {
        const auto expected = s.senderNumber == ThreadFixture::Sales
                                  ? ConsentLedger::ConsentState::OptedOut
                                  : ConsentLedger::ConsentState::OptedIn;
        QCOMPARE(s.state, expected);
    }

    QCOMPARE(d->otherThreads.size(), 1);
    QCOMPARE(d->otherThreads.first().threadId,
             m_fx->threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Sales));
    QCOMPARE(d->otherThreads.first().senderLabel, u"Sales"_s);
    QCOMPARE(d->otherThreads.first().preview, u"hi sales"_s);
}

void TstContactDetails::accountScoped()
{
    QString error;
    const auto a = ContactDetails::load(m_fx->db(), ThreadFixture::AccountA, Maria, 0, &error);
    const auto b = ContactDetails::load(m_fx->db(), ThreadFixture::AccountB, Maria, 0, &error);
    QVERIFY(a && b);
    QVERIFY(!a->tags.contains(u"secret"_s));
    QCOMPARE(b->name, u"Other Account Name"_s);
    QCOMPARE(b->textEnabled, u"no"_s);
    QCOMPARE(b->consentHistory.size(), 1);
    QCOMPARE(b->consentHistory.first().detail, u"B only"_s);
    for (const ConsentEvent &e : a->consentHistory)
        QVERIFY(e.detail != u"B only");
    QCOMPARE(b->otherThreads.size(), 1);
    QCOMPARE(b->otherThreads.first().senderNumber, ThreadFixture::Bakery);
    QCOMPARE(a->otherThreads.size(), 2);
    for (const auto &t : a->otherThreads)
        QVERIFY(t.senderNumber != ThreadFixture::Bakery);
    QCOMPARE(b->consentBySender.size(), 1);
    QCOMPARE(b->consentBySender.first().state, ConsentLedger::ConsentState::OptedOut);
}

void TstContactDetails::customerWithoutContactRow()
{
    const QString stranger = u"+14155550999"_s;
    QString error;
    const auto d = ContactDetails::load(m_fx->db(), ThreadFixture::AccountA, stranger, 0, &error);
    QVERIFY(d);
    QVERIFY(!d->hasContactRow);
    QCOMPARE(d->textEnabled, u"unknown"_s);
    QVERIFY(d->consentHistory.isEmpty());
    QVERIFY(d->otherThreads.isEmpty());
    for (const auto &s : d->consentBySender)
        QCOMPARE(s.state, ConsentLedger::ConsentState::Unknown);
}

void TstContactDetails::manualConsentRules_data()
{
    using K = ConsentEvent::Kind;
    using S = ConsentEvent::Source;
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("opt-out with reason") << int(K::OptOut) << int(S::Agent) << u"asked"_s << true;
    QTest::newRow("opt-out without reason") << int(K::OptOut) << int(S::Agent) << u""_s << false;
    QTest::newRow("opt-out blank reason") << int(K::OptOut) << int(S::Agent) << u"  "_s << false;
    QTest::newRow("opt-out from a keyword") << int(K::OptOut) << int(S::Keyword) << u"x"_s << false;
    QTest::newRow("opt-in form") << int(K::OptIn) << int(S::Form) << u"form #12"_s << true;
    QTest::newRow("opt-in import") << int(K::OptIn) << int(S::Import) << u"crm.csv"_s << true;
    QTest::newRow("opt-in agent") << int(K::OptIn) << int(S::Agent) << u"phoned"_s << true;
    QTest::newRow("opt-in no evidence") << int(K::OptIn) << int(S::Form) << u""_s << false;
    QTest::newRow("opt-in keyword") << int(K::OptIn) << int(S::Keyword) << u"START"_s << false;
    QTest::newRow("opt-in 21610") << int(K::OptIn) << int(S::ProviderError) << u"x"_s << false;
}

void TstContactDetails::manualConsentRules()
{
    QFETCH(int, kind);
    QFETCH(int, source);
    QFETCH(QString, detail);
    QFETCH(bool, accepted);
    const ConsentEvent e =
        makeEvent(ConsentEvent::Kind(kind), ConsentEvent::Source(source), u""_s, detail, 10);
    QCOMPARE(ManualConsent::problem(e).isEmpty(), accepted);
    const int before =
        StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM consent_events"_s).toInt();
    ManualConsent manual(m_fx->db());
    QCOMPARE(manual.record(ThreadFixture::AccountA, e).has_value(), accepted);
    QCOMPARE(StoreTestUtil::scalar(m_fx->db(), u"SELECT count(*) FROM consent_events"_s).toInt(),
             before + (accepted ? 1 : 0));
    QCOMPARE(manual.errorString().isEmpty(), accepted);
}

void TstContactDetails::manualConsentRecordsEventAndAudit()
{
    ManualConsent manual(m_fx->db());
    const auto threads = manual.record(
        ThreadFixture::AccountA, makeEvent(ConsentEvent::Kind::OptOut, ConsentEvent::Source::Agent,
                                           u""_s, u"Asked us by phone"_s, 20));
    QVERIFY2(threads, qPrintable(manual.errorString()));
    QList<qint64> expected{m_fx->threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Support),
                           m_fx->threadId(ThreadFixture::AccountA, Maria, ThreadFixture::Sales)};
    QList<qint64> got = *threads;
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    QCOMPARE(got, expected);
    QCOMPARE(StoreTestUtil::rows(m_fx->db(), u"SELECT actor, action, subject_type, "
                                             u"json_extract(details, '$.detail') FROM audit_log"_s),
             QStringList{u"alice|consent.opt_out|contact|Asked us by phone"_s});
    QString error;
    const auto d = ContactDetails::load(m_fx->db(), ThreadFixture::AccountA, Maria, 0, &error);
    QVERIFY(d);
    QCOMPARE(d->consentHistory.last().detail, u"Asked us by phone"_s);
    for (const auto &s : d->consentBySender)
        QCOMPARE(s.state, ConsentLedger::ConsentState::OptedOut);
}

QTEST_GUILESS_MAIN(TstContactDetails)
#include "tst_contactdetails.moc"
