#include "AccountRows.h"
#include "ContactValues.h"
#include "Database.h"
#include "OptOutLine.h"
#include "StoreTestUtil.h"
#include "TemplateRows.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Stage = TemplateVersionState::Stage;

namespace {
const QDateTime At(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
}

class TstTemplateRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createMakesDraftVersionOne();
    void refusedBodies_data();
    void refusedBodies();
    void attributeTokensFollowContacts();
    void approveRecordsWhoWhenAndAudits();
    void approveOnlyDrafts();
    void retireOnlyApproved();
    void editOnlyDrafts();
    void saveDraftAfterApprovalMakesNewVersion();
    void listShowsLatestState();
    void otherAccountCannotTouch();
    void duplicateNameRefused();
    void contactValues();
    void segmentPrice();

private:
    QSqlDatabase db() const { return m_db->connection(); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    qint64 m_account = 0;
    qint64 m_other = 0;
};

void TstTemplateRows::init()
{
    m_db = std::make_unique<Database>(m_dir.filePath(u"t.sqlite"_s));
    QVERIFY2(m_db->open(), qPrintable(m_db->errorString()));
    AccountRows accounts(db());
    m_account = accounts.createOrFind(u"Acme"_s, u"AC1"_s);
    m_other = accounts.createOrFind(u"Other"_s, u"AC2"_s);
    QVERIFY(m_account > 0 && m_other > 0);
}

void TstTemplateRows::cleanup()
{
    m_db.reset();
    QFile::remove(m_dir.filePath(u"t.sqlite"_s));
}

void TstTemplateRows::createMakesDraftVersionOne()
{
    TemplateRows rows(db());
    const qint64 id = rows.create(m_account, u"Welcome"_s, TemplateType::Transactional,
                                  u"Hi {{first_name|there}}"_s, u"ana"_s);
    QVERIFY2(id > 0, qPrintable(rows.errorString()));
    const auto versions = rows.versions(m_account, id);
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.first().number, 1);
    QCOMPARE(versions.first().stage, Stage::Draft);
    QCOMPARE(versions.first().author, u"ana"_s);
    QCOMPARE(StoreTestUtil::scalar(db(), u"SELECT type FROM templates WHERE id = ?"_s, {id}),
             QVariant(u"transactional"_s));
}

void TstTemplateRows::refusedBodies_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("unknown token") << int(TemplateType::Transactional) << u"Hi {{frist_name}}"_s
                                   << u"unknown field \"frist_name\""_s;
    QTest::newRow("case typo suggests")
        << int(TemplateType::Transactional) << u"Hi {{First_name}}"_s
        << u"did you mean \"first_name\""_s;
    QTest::newRow("unclosed token")
        << int(TemplateType::Reminder) << u"Hi {{first_name"_s << u"line 1"_s;
    QTest::newRow("promo without opt-out")
        << int(TemplateType::Promotional) << u"20% off today"_s << u"opt-out line"_s;
    QTest::newRow("empty") << int(TemplateType::Otp) << u"   "_s << u"needs a body"_s;
}

void TstTemplateRows::refusedBodies()
{
    QFETCH(int, type);
    QFETCH(QString, body);
    QFETCH(QString, errorContains);
    TemplateRows rows(db());
    QCOMPARE(rows.create(m_account, u"T"_s, TemplateType(type), body, u"ana"_s), 0);
    QVERIFY2(rows.errorString().contains(errorContains), qPrintable(rows.errorString()));
    QCOMPARE(StoreTestUtil::scalar(db(), u"SELECT count(*) FROM templates"_s).toInt(), 0);
}

void TstTemplateRows::attributeTokensFollowContacts()
{
    TemplateRows rows(db());
    const QString body = u"Your {{plan}} renews soon"_s;
    QCOMPARE(rows.create(m_account, u"Renewal"_s, TemplateType::Reminder, body, u"ana"_s), 0);
    // An attribute of another account's contact does not make the token known here.
    StoreTestUtil::exec(db(),
                        u"INSERT INTO contacts (account_id, number, attributes) VALUES (?, ?, ?)"_s,
                        {m_other, u"+15550001111"_s, u"{\"plan\":\"gold\"}"_s});
    QCOMPARE(rows.create(m_account, u"Renewal"_s, TemplateType::Reminder, body, u"ana"_s), 0);
    StoreTestUtil::exec(db(),
                        u"INSERT INTO contacts (account_id, number, attributes) VALUES (?, ?, ?)"_s,
                        {m_account, u"+15550001111"_s, u"{\"plan\":\"gold\"}"_s});
    QCOMPARE(rows.attributeNames(m_account), QStringList{u"plan"_s});
    QVERIFY2(rows.create(m_account, u"Renewal"_s, TemplateType::Reminder, body, u"ana"_s) > 0,
             qPrintable(rows.errorString()));
}

void TstTemplateRows::approveRecordsWhoWhenAndAudits()
{
    TemplateRows rows(db());
    const QString body = OptOutLine::appendTo(u"Sale: 20% off"_s);
    const qint64 id = rows.create(m_account, u"Sale"_s, TemplateType::Promotional, body, u"ana"_s);
    QVERIFY2(id > 0, qPrintable(rows.errorString()));
    const qint64 versionId = rows.versions(m_account, id).first().id;
    QVERIFY2(rows.approve(m_account, versionId, u"bob"_s, At), qPrintable(rows.errorString()));
    const auto v = rows.version(m_account, versionId);
    QVERIFY(v);
    QCOMPARE(v->stage, Stage::Approved);
    QCOMPARE(v->approver, u"bob"_s);
    QCOMPARE(v->approvedAt, At);
    QCOMPARE(
        StoreTestUtil::rows(db(), u"SELECT account_id, actor, action, subject_type, subject_id, "
                                  u"occurred_at FROM audit_log"_s),
        QStringList{
            u"%1|bob|template.approve|template_version|%2|%3"_s.arg(m_account).arg(versionId).arg(
                At.toMSecsSinceEpoch())});
}

void TstTemplateRows::approveOnlyDrafts()
{
    TemplateRows rows(db());
    const qint64 id =
        rows.create(m_account, u"A"_s, TemplateType::Transactional, u"Hello"_s, u"ana"_s);
    const qint64 v = rows.versions(m_account, id).first().id;
    QVERIFY(!rows.approve(m_account, v, u"  "_s, At));
    QVERIFY(rows.errorString().contains(u"approver"_s));
    QVERIFY(rows.approve(m_account, v, u"bob"_s, At));
    QVERIFY(!rows.approve(m_account, v, u"carol"_s, At.addSecs(60)));
    QVERIFY2(rows.errorString().contains(u"already approved by bob"_s),
             qPrintable(rows.errorString()));
    QVERIFY(rows.retire(m_account, v, u"bob"_s, At.addSecs(120)));
    QVERIFY(!rows.approve(m_account, v, u"carol"_s, At.addSecs(180)));
    QVERIFY(rows.errorString().contains(u"retired"_s));
    QCOMPARE(StoreTestUtil::scalar(db(), u"SELECT count(*) FROM audit_log"_s).toInt(), 2);
}

void TstTemplateRows::retireOnlyApproved()
{
    TemplateRows rows(db());
    const qint64 id =
        rows.create(m_account, u"A"_s, TemplateType::Transactional, u"Hello"_s, u"ana"_s);
    const qint64 v = rows.versions(m_account, id).first().id;
    QVERIFY(!rows.retire(m_account, v, u"bob"_s, At));
    QVERIFY(rows.errorString().contains(u"draft cannot be retired"_s));
    QVERIFY(rows.approve(m_account, v, u"bob"_s, At));
    QVERIFY(rows.retire(m_account, v, u"bob"_s, At));
    QCOMPARE(rows.version(m_account, v)->stage, Stage::Retired);
    QCOMPARE(rows.version(m_account, v)->approver, u"bob"_s); // kept
    QVERIFY(!rows.retire(m_account, v, u"bob"_s, At));
}

void TstTemplateRows::editOnlyDrafts()
{
    TemplateRows rows(db());
    const qint64 id =
        rows.create(m_account, u"A"_s, TemplateType::Transactional, u"Hello"_s, u"ana"_s);
    const qint64 v = rows.versions(m_account, id).first().id;
    QVERIFY(rows.editDraft(m_account, v, u"Hello {{name|friend}}"_s));
    QCOMPARE(rows.version(m_account, v)->body, u"Hello {{name|friend}}"_s);
    QVERIFY(!rows.editDraft(m_account, v, u"Hi {{nope}}"_s));
    QCOMPARE(rows.validationErrors().size(), 1);
    QVERIFY(rows.approve(m_account, v, u"bob"_s, At));
    QVERIFY(!rows.editDraft(m_account, v, u"Changed"_s));
    QVERIFY(rows.errorString().contains(u"only a draft can be edited"_s));
    const qint64 v2 = rows.newVersion(m_account, id, u"Changed"_s, u"ana"_s);
    QVERIFY(v2 > 0);
    QCOMPARE(rows.version(m_account, v2)->number, 2);
}

void TstTemplateRows::saveDraftAfterApprovalMakesNewVersion()
{
    TemplateRows rows(db());
    const qint64 id =
        rows.create(m_account, u"A"_s, TemplateType::Transactional, u"Hello"_s, u"ana"_s);
    const qint64 v1 = rows.versions(m_account, id).first().id;
    QCOMPARE(
        rows.saveDraft(m_account, id, u"A"_s, TemplateType::Transactional, u"Hello!"_s, u"ana"_s),
        v1);
    QVERIFY(rows.approve(m_account, v1, u"bob"_s, At));
    // Retyping to promotional without an opt-out line is refused and changes nothing.
    QCOMPARE(
        rows.saveDraft(m_account, id, u"A"_s, TemplateType::Promotional, u"Hello!"_s, u"ana"_s), 0);
    QCOMPARE(rows.summary(m_account, id)->type, TemplateType::Transactional);
    const qint64 v2 = rows.saveDraft(m_account, id, u"B"_s, TemplateType::Transactional,
                                     u"Hello again"_s, u"ana"_s);
    QVERIFY(v2 > 0 && v2 != v1);
    QCOMPARE(rows.version(m_account, v1)->body, u"Hello!"_s); // the approved text stays
    const auto s = rows.summary(m_account, id);
    QCOMPARE(s->name, u"B"_s);
    QCOMPARE(s->latest.id, v2);
    QCOMPARE(s->approvedVersionId, v1);
}

void TstTemplateRows::listShowsLatestState()
{
    TemplateRows rows(db());
    const qint64 b =
        rows.create(m_account, u"beta"_s, TemplateType::Otp, u"Code {{code|0000}}"_s, u"ana"_s);
    QVERIFY(b == 0); // code is no attribute yet
    const qint64 a =
        rows.create(m_account, u"Alpha"_s, TemplateType::Otp, u"Your code"_s, u"ana"_s);
    const qint64 c =
        rows.create(m_account, u"gamma"_s, TemplateType::FollowUp, u"Thanks"_s, u"ana"_s);
    QVERIFY(rows.approve(m_account, rows.versions(m_account, c).first().id, u"bob"_s, At));
    rows.create(m_other, u"Zed"_s, TemplateType::Otp, u"x"_s, u"ana"_s);
    const auto list = rows.list(m_account);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, a);
    QCOMPARE(list.at(0).latest.stage, Stage::Draft);
    QCOMPARE(list.at(0).approvedVersionId, 0);
    QCOMPARE(list.at(1).id, c);
    QCOMPARE(list.at(1).type, TemplateType::FollowUp);
    QCOMPARE(list.at(1).latest.stage, Stage::Approved);
}

void TstTemplateRows::otherAccountCannotTouch()
{
    TemplateRows rows(db());
    const qint64 id =
        rows.create(m_account, u"A"_s, TemplateType::Transactional, u"Hello"_s, u"ana"_s);
    const qint64 v = rows.versions(m_account, id).first().id;
    QVERIFY(!rows.approve(m_other, v, u"bob"_s, At));
    QVERIFY(!rows.editDraft(m_other, v, u"x"_s));
    QCOMPARE(rows.newVersion(m_other, id, u"x"_s, u"eve"_s), 0);
    QVERIFY(rows.versions(m_other, id).isEmpty());
    QCOMPARE(rows.version(m_account, v)->stage, Stage::Draft);
}

void TstTemplateRows::duplicateNameRefused()
{
    TemplateRows rows(db());
    QVERIFY(rows.create(m_account, u"A"_s, TemplateType::Transactional, u"Hello"_s, u"ana"_s) > 0);
    QCOMPARE(rows.create(m_account, u"A"_s, TemplateType::Transactional, u"Hi"_s, u"ana"_s), 0);
    QVERIFY(rows.errorString().contains(u"already exists"_s));
    QVERIFY(rows.create(m_other, u"A"_s, TemplateType::Transactional, u"Hi"_s, u"ana"_s) > 0);
}

void TstTemplateRows::contactValues()
{
    const auto v = ContactValues::forContact(u" Maria  de la Cruz "_s, u"+15550001111"_s,
                                             u"{\"plan\":\"gold\",\"visits\":3,\"name\":\"x\"}"_s);
    QCOMPARE(v.value(u"first_name"_s), u"Maria"_s);
    QCOMPARE(v.value(u"last_name"_s), u"de la Cruz"_s);
    QCOMPARE(v.value(u"name"_s), u"Maria de la Cruz"_s);
    QCOMPARE(v.value(u"phone"_s), u"+15550001111"_s);
    QCOMPARE(v.value(u"plan"_s), u"gold"_s);
    QCOMPARE(v.value(u"visits"_s), u"3"_s);
    const auto none = ContactValues::forContact({}, u"+1"_s, u"{}"_s);
    QVERIFY(none.value(u"first_name"_s).isEmpty());
}

void TstTemplateRows::segmentPrice()
{
    TemplateRows rows(db());
    QVERIFY(rows.setSegmentPrice(m_account, 0.0125));
    QVERIFY(!rows.setSegmentPrice(m_account, -1));
    QCOMPARE(rows.segmentPrice(m_account)->price, 0.0125);
    QCOMPARE(rows.segmentPrice(m_account)->unit, u"USD"_s);
    QVERIFY(rows.segmentPrice(m_other)->price != 0.0125);
}

QTEST_GUILESS_MAIN(TstTemplateRows)
#include "tst_templaterows.moc"
