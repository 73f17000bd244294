// Lending a send-only number to another account travels with the number's settings: the
// owner's number.put names the borrowers by provider SID, so a teammate's desktop that has the
// borrowing account lends it there too, and a taken-back number is taken back there; a
// borrower this desktop does not have is skipped, an op without lent_to leaves lending alone.
#include "NumberSettingsOpApplier.h"
#include "SenderNumberRows.h"
#include "TeamDesks.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Owner = ThreadFixture::AccountA;
constexpr qint64 Borrower = ThreadFixture::AccountB;
} // namespace

class TstLentNumberOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lendingAndTakingBackReachTheTeammate();
    void withoutLentToLendingStays();

private:
    // What NumberCommands::lend / takeBack do: the change and the number's op together.
    bool change(TeamDesk &desk, bool lend);
    qint64 sales(TeamDesk &desk) const
    {
        return desk
            .scalar(u"SELECT id FROM sender_numbers WHERE number = ?"_s, {ThreadFixture::Sales})
            .toLongLong();
    }
    int lendings(TeamDesk &desk) const
    {
        return desk
            .scalar(u"SELECT count(*) FROM sender_number_shares WHERE account_id = ?"_s, {Borrower})
            .toInt();
    }

    TeamDesk m_a;
    TeamDesk m_b;
    TeamLogInMemory m_log;
};

void TstLentNumberOps::init()
{
    m_log.items.clear();
    QVERIFY(m_a.open(u"Ana"_s));
    QVERIFY(m_b.open(u"Sam"_s));
    for (TeamDesk *desk : {&m_a, &m_b}) {
        // The same two accounts on both desktops (the provider's SIDs name them), Sales a
        // send-only number on both (as its number.put leaves it).
        QVERIFY(StoreTestUtil::exec(desk->db(),
                                    u"UPDATE accounts SET provider_account_sid = CASE id "
                                    u"WHEN 1 THEN 'ACowner' ELSE 'ACborrower' END"_s)
                    .isActive());
        QVERIFY(StoreTestUtil::exec(desk->db(),
                                    u"UPDATE sender_numbers SET send_only_notifications = 1 "
                                    u"WHERE number = ?"_s,
                                    {ThreadFixture::Sales})
                    .isActive());
    }
}

void TstLentNumberOps::cleanup()
{
    m_a.fx.reset();
    m_b.fx.reset();
}

bool TstLentNumberOps::change(TeamDesk &desk, bool lend)
{
    SenderNumberRows rows(desk.db());
    const qint64 number = sales(desk);
    return desk.change(
        [&] {
            const bool ok = lend ? rows.assign(number, Borrower, desk.name)
                                 : rows.unshare(number, Borrower, desk.name);
            return ok ? QString() : rows.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            const auto op = NumberSettingsOpApplier(desk.db()).putOp(Owner, number);
            return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
        });
}

void TstLentNumberOps::lendingAndTakingBackReachTheTeammate()
{
    QVERIFY(change(m_a, true));
    QVERIFY(m_log.share(m_a));
    QCOMPARE(m_log.items.last().data[u"fields"_s][u"lent_to"_s].toArray(),
             QJsonArray{u"ACborrower"_s});
    m_log.pull(m_b);
    QCOMPARE(lendings(m_b), 1);
    // The borrower can send from it there: it is listed for the borrowing account.
    const auto listed = SenderNumberRows(m_b.db()).list(Borrower);
    QVERIFY(listed);
    QVERIFY(std::any_of(listed->begin(), listed->end(), [](const SenderNumberRows::Row &r) {
        return r.number == ThreadFixture::Sales && r.sharedIn;
    }));
    m_log.pull(m_a);
    QCOMPARE(lendings(m_a), 1);

    QVERIFY(change(m_a, false));
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    QCOMPARE(lendings(m_b), 0);
}

void TstLentNumberOps::withoutLentToLendingStays()
{
    QVERIFY(SenderNumberRows(m_b.db()).assign(sales(m_b), Borrower, u"Sam"_s));
    auto op = NumberSettingsOpApplier(m_a.db()).putOp(Owner, sales(m_a));
    QVERIFY(op);
    op->id = u"op-old"_s;
    op->agent = u"ag-Ana"_s;
    op->fields.remove(u"lent_to"_s); // as a version before lending was shared wrote it
    QVERIFY(TeamOpApplier(m_b.db()).apply(Owner, *op, TeamOpApplier::Origin::Log));
    QCOMPARE(lendings(m_b), 1);
    // A borrower the maker's desktop names but this one does not have: skipped.
    op->fields.insert(u"lent_to"_s, QJsonArray{u"ACborrower"_s, u"ACunknown"_s});
    op->id = u"op-new"_s;
    QVERIFY(TeamOpApplier(m_b.db()).apply(Owner, *op, TeamOpApplier::Origin::Log));
    QCOMPARE(lendings(m_b), 1);
}

QTEST_GUILESS_MAIN(TstLentNumberOps)
#include "tst_lentnumberops.moc"
