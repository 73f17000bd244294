// Confirmation rules and number settings as team ops, between two desktops applying one log:
// keyed by country code and by the number (the same on every desktop), the later op in the log
// wins, applying twice is applying once, a number this desktop does not have is skipped.
#include "ConfirmationRuleOpApplier.h"
#include "ConfirmationRuleRows.h"
#include "NumberSettingsOpApplier.h"
#include "SenderNumberRows.h"
#include "TeamDesks.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamShare.h"
#include "TeamStateRows.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;
using Rule = ConfirmationRule::Rule;

namespace {
constexpr qint64 Account = ThreadFixture::AccountA;
const QString ShortCode = u"22395"_s;
} // namespace

class TstSharedNumberOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void numberSettingsReachTheOther();
    void ruleLaterInTheLogWins();
    void applyingTwiceIsApplyingOnceAndUnknownNumbersAreSkipped();

private:
    using Desk = TeamDesk;
    static qint64 numberId(const TeamDesk &desk, const QString &number)
    {
        return desk.scalar(u"SELECT id FROM sender_numbers WHERE number = ?"_s, {number})
            .toLongLong();
    }

    // What NumberCommands / KeywordCommands do: the repository's write and the op together.
    bool changeNumber(Desk &desk, const QString &number,
                      const std::function<bool(SenderNumberRows &, qint64)> &write);
    bool setRule(Desk &desk, const QString &country, Rule rule);
    void share(Desk &desk);
    TeamLogWriter::Applied pull(Desk &desk);

    Desk m_a;
    Desk m_b;
    TeamLogInMemory m_log;
};

void TstSharedNumberOps::init()
{
    m_log.items.clear();
    for (Desk *desk : {&m_a, &m_b}) {
        QVERIFY(desk->open(desk == &m_a ? u"Ana"_s : u"Sam"_s));
        QVERIFY(desk->fx
                    ->exec(u"INSERT INTO sender_numbers (account_id, number, kind, throughput_mps) "
                           u"VALUES (1, ?, 'short_code', 100)"_s,
                           {ShortCode})
                    .isActive());
    }
}

void TstSharedNumberOps::cleanup()
{
    m_a.fx.reset();
    m_b.fx.reset();
}

bool TstSharedNumberOps::changeNumber(Desk &desk, const QString &number,
                                      const std::function<bool(SenderNumberRows &, qint64)> &write)
{
    SenderNumberRows rows(desk.db());
    const qint64 id = numberId(desk, number);
    TeamShare share(desk.db());
    return share.run(
        Account, desk.name, [&] { return write(rows, id) ? QString() : rows.errorString(); },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            const auto op = NumberSettingsOpApplier(desk.db()).putOp(Account, id);
            return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
        });
}

bool TstSharedNumberOps::setRule(Desk &desk, const QString &country, Rule rule)
{
    ConfirmationRuleRows rows(desk.db());
    TeamShare share(desk.db());
    return share.run(
        Account, desk.name,
        [&] {
            return rows.set(Account, country, rule, desk.name) ? QString() : rows.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            return QList<TeamOp>{
                ConfirmationRuleOpApplier::putOp(country, ConfirmationRule::ruleToString(rule))};
        });
}

void TstSharedNumberOps::share(Desk &desk)
{
    QVERIFY(m_log.share(desk));
}

TeamLogWriter::Applied TstSharedNumberOps::pull(Desk &desk)
{
    return m_log.pull(desk);
}

void TstSharedNumberOps::numberSettingsReachTheOther()
{
    QVERIFY(changeNumber(m_a, ShortCode, [](SenderNumberRows &rows, qint64 id) {
        return rows.setSharedShortCode(Account, id, u"bloom"_s, u"Ana"_s);
    }));
    QVERIFY(changeNumber(m_a, ThreadFixture::Support, [](SenderNumberRows &rows, qint64 id) {
        return rows.setDetails(Account, id, u"Support desk"_s, 3, 500, u"Ana"_s) &&
               rows.setProviderAnswersKeywords(Account, id, false, u"Ana"_s);
    }));
    share(m_a);
    QCOMPARE(m_log.items.size(), 2);
    QCOMPARE(pull(m_b).applied, 2);
    QCOMPARE(m_b.scalar(u"SELECT kind || '|' || provider_keyword FROM sender_numbers "
                        u"WHERE number = ?"_s,
                        {ShortCode})
                 .toString(),
             u"shared_short_code|BLOOM"_s);
    QCOMPARE(m_b.scalar(u"SELECT label || '|' || throughput_mps || '|' || daily_cap || '|' || "
                        u"provider_answers_keywords FROM sender_numbers WHERE number = ?"_s,
                        {ThreadFixture::Support})
                 .toString(),
             u"Support desk|3.0|500|0"_s);
    // The short code counts as decided on B too (an audit entry says so, naming Ana).
    QCOMPARE(SenderNumberRows(m_b.db()).undecidedShortCode(Account, ShortCode),
             std::optional<qint64>(0));
    QCOMPARE(m_b.scalar(u"SELECT actor FROM audit_log WHERE action = "
                        u"'sender_number.shared_short_code'"_s)
                 .toString(),
             u"Ana"_s);
    QCOMPARE(pull(m_a).ours, 2);
}

void TstSharedNumberOps::ruleLaterInTheLogWins()
{
    // Both set Canada's rule before reading the other's; Sam's reaches the log first.
    QVERIFY(setRule(m_a, u"CA"_s, Rule::Prohibited));
    QVERIFY(setRule(m_b, u"ca"_s, Rule::Optional));
    share(m_b);
    share(m_a);
    pull(m_a);
    pull(m_b);
    for (const Desk *desk : {&m_a, &m_b})
        QCOMPARE(ConfirmationRuleRows(desk->db()).load(Account)->ruleFor(u"CA"), Rule::Prohibited);
}

void TstSharedNumberOps::applyingTwiceIsApplyingOnceAndUnknownNumbersAreSkipped()
{
    QVERIFY(changeNumber(m_a, ThreadFixture::Sales, [](SenderNumberRows &rows, qint64 id) {
        return rows.setSendOnly(Account, id, true, u"Ana"_s);
    }));
    share(m_a);
    const auto op = TeamOp::fromJson(m_log.items.first().data);
    QVERIFY(op);
    TeamOpApplier applier(m_b.db());
    QCOMPARE(applier.apply(Account, *op, TeamOpApplier::Origin::Log),
             std::optional(Outcome::Applied));
    QCOMPARE(applier.apply(Account, *op, TeamOpApplier::Origin::Log),
             std::optional(Outcome::Unchanged));
    QCOMPARE(
        m_b.scalar(u"SELECT count(*) FROM audit_log WHERE action = 'sender_number.send_only'"_s)
            .toInt(),
        1);
    TeamOp elsewhere = *op;
    elsewhere.id = u"op-elsewhere"_s;
    elsewhere.target = u"+19995550000"_s;
    QCOMPARE(applier.apply(Account, elsewhere, TeamOpApplier::Origin::Log),
             std::optional(Outcome::NotApplicable));
    TeamOp rule = ConfirmationRuleOpApplier::putOp(u"Atlantis"_s, u"required"_s);
    rule.id = u"op-rule"_s;
    QCOMPARE(applier.apply(Account, rule, TeamOpApplier::Origin::Log),
             std::optional(Outcome::NotApplicable));
}

QTEST_GUILESS_MAIN(TstSharedNumberOps)
#include "tst_sharednumberops.moc"
