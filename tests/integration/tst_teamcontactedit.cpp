// One contact edited on a desktop reaches a teammate: two DeskSessions of one team on one
// sandbox; Ana (admin) saves a contact's name, tags, a field and a time zone and later
// deletes it through ContactEditCommands; Sam's desktop shows each after its team log reads,
// keeping the thread. Sam (an agent) may not edit contacts.
#include "ContactEditCommands.h"
#include "StoreTestUtil.h"
#include "TeamDesksFixture.h"
#include "TeamLog.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace CommandFixtureLess {
// Starts a command and waits for its answer; nullopt when none came.
template<typename Start>
std::optional<CommandResult> answer(Start start)
{
    std::optional<CommandResult> got;
    start([&got](const CommandResult &result) { got = result; });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, 20000))
        return std::nullopt;
    return got;
}
} // namespace CommandFixtureLess

class TstTeamContactEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editAndDeleteReachTeammate();

private:
    static QStringList contactOn(DeskSession &desk, qint64 account)
    {
        return desk.writer()->call([account](WriterContext &context) {
            return StoreTestUtil::rows(context.db(),
                                       u"SELECT name, tags, attributes, time_zone FROM contacts "
                                       u"WHERE account_id = ? AND number = ?"_s,
                                       {account, TeamDesksFixture::Customer});
        });
    }
    static qint64 threadsOn(DeskSession &desk)
    {
        return desk.writer()->call([](WriterContext &context) {
            return StoreTestUtil::scalar(context.db(), u"SELECT count(*) FROM threads"_s)
                .toLongLong();
        });
    }
};

void TstTeamContactEdit::editAndDeleteReachTeammate()
{
    TeamDesksFixture team;
    QVERIFY2(team.start({u"Ana"_s, u"Sam"_s}), qPrintable(team.error));
    auto ana = team.open(0);
    QVERIFY2(ana, qPrintable(team.error));
    auto sam = team.open(1);
    QVERIFY2(sam, qPrintable(team.error));
    const qint64 anaAccount = team.accountId(0);
    const qint64 samAccount = team.accountId(1);
    // The customer who texted is a contact on Ana's desktop (as an import or a reply leaves
    // one); Sam's has none yet.
    QVERIFY(ana->writer()->call([anaAccount](WriterContext &context) {
        return StoreTestUtil::exec(context.db(),
                                   u"INSERT INTO contacts (account_id, number) VALUES (?, ?) "
                                   u"ON CONFLICT (account_id, number) DO NOTHING"_s,
                                   {anaAccount, TeamDesksFixture::Customer})
            .isActive();
    }));

    ContactEditCommands anaEdits(ana->writer(), anaAccount, u"Ana"_s);
    const auto saved = CommandFixtureLess::answer([&](auto done) {
        anaEdits.save(
            TeamDesksFixture::Customer,
            {u"Pat Doe"_s, {u"vip"_s}, {{u"first_name"_s, u"Pat"_s}}, u"America/Chicago"_s},
            std::move(done));
    });
    QVERIFY(saved);
    QVERIFY2(saved->ok, qPrintable(saved->error));
    const QStringList expected{u"Pat Doe|[\"vip\"]|{\"first_name\":\"Pat\"}|America/Chicago"_s};
    ana->teamLog()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            sam->teamLog()->syncNow();
            return contactOn(*sam, samAccount) == expected;
        }(),
        60000);

    // Sam is an agent: his desktop refuses an edit unwritten.
    ContactEditCommands samEdits(sam->writer(), samAccount, u"Sam"_s);
    const auto refused = CommandFixtureLess::answer([&](auto done) {
        samEdits.save(TeamDesksFixture::Customer, {u"Other"_s, {}, {}, {}}, std::move(done));
    });
    QVERIFY(refused && !refused->ok);
    QCOMPARE(contactOn(*sam, samAccount), expected);

    const auto removed = CommandFixtureLess::answer(
        [&](auto done) { anaEdits.remove(TeamDesksFixture::Customer, std::move(done)); });
    QVERIFY(removed && removed->ok);
    ana->teamLog()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            sam->teamLog()->syncNow();
            return contactOn(*sam, samAccount).isEmpty();
        }(),
        60000);
    QVERIFY(threadsOn(*sam) >= 1);
    QVERIFY(threadsOn(*ana) >= 1);
    team.sandbox.stop();
}

QTEST_MAIN(TstTeamContactEdit)
#include "tst_teamcontactedit.moc"
