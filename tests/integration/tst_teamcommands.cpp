// The team's command service over real profiles: joining (by oneself or with an admin's
// invitation), inviting, changing roles, removing and writing notes are team ops applied here
// and queued for the log; two desktops exchanging the log agree on the roster, the invited
// person gets the role the admin chose whatever their desktop claims, and only admins change
// the roster (refused by the service, and skipped by every desktop's applier).
#include "StoreWriter.h"
#include "TeamCommands.h"
#include "TeamInvite.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamRosterRows.h"
#include "TeamStateRows.h"
#include "ThreadFixture.h"
#include "ThreadNoteRows.h"

#include <QtTest>

#include <optional>

using namespace Qt::StringLiterals;
using F = ThreadFixture;

namespace {

const QString Customer = u"+14155550123"_s;
const QDateTime Start(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

template<typename Command>
std::optional<CommandResult> answerOf(Command command)
{
    std::optional<CommandResult> answer;
    command([&answer](CommandResult result) { answer = result; });
    (void)QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000);
    return answer;
}

struct Desk
{
    std::unique_ptr<F> fx;
    std::unique_ptr<StoreWriter> writer;
    std::unique_ptr<TeamCommands> team;

    bool open()
    {
        fx = std::make_unique<F>();
        if (!fx->open() ||
            !fx->upsert(F::AccountA, {F::message(Customer, F::Support, u"Peonies?"_s, Start)}))
            return false;
        writer = std::make_unique<StoreWriter>(fx->dir() + u"/profile.sqlite"_s);
        if (!writer->open())
            return false;
        team = std::make_unique<TeamCommands>(writer.get(), u"solo"_s);
        return true;
    }
    void close()
    {
        team.reset();
        writer.reset();
        fx.reset();
    }
    std::optional<TeamRosterRows::Member> member(const QString &agentId) const
    {
        return TeamRosterRows(fx->db()).member(F::AccountA, agentId);
    }
    std::optional<TeamStateRows::State> state() const
    {
        return TeamStateRows(fx->db()).state(F::AccountA);
    }
    qint64 thread() const { return fx->threadId(F::AccountA, Customer, F::Support); }
};

} // namespace

class TstTeamCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void joinRefusesBadInput_data();
    void joinRefusesBadInput();
    void joinRecordsTheAgentAndQueuesIt();
    void invitationGivesTheAdminsRole();
    void invitationTextRoundTrips();
    void onlyAdminsChangeTheRoster();
    void roleChangeAndRemovalReachTheOtherDesktop();
    void theTeamKeepsAnAdmin();
    void notesNameTheirMentions();
    void mentionsAreRosterNames();

private:
    // Appends what waits on `desk` to the shared log.
    void share(Desk &desk);
    // Applies the whole log on `desk`.
    void pull(Desk &desk);
    void join(Desk &desk, const QString &name, const QString &role);

    Desk m_a;
    Desk m_b;
    QList<TeamLogWriter::LogItem> m_log;
};

void TstTeamCommands::init()
{
    m_log.clear();
    QVERIFY(m_a.open());
    QVERIFY(m_b.open());
}

void TstTeamCommands::cleanup()
{
    m_a.close();
    m_b.close();
}

void TstTeamCommands::share(Desk &desk)
{
    TeamOutboxRows outbox(desk.fx->db());
    const auto pending = outbox.pending(F::AccountA);
    QVERIFY(pending);
    for (const TeamOutboxRows::Pending &p : *pending) {
        if (p.appendedIndex)
            continue;
        const qint64 index = m_log.size();
        m_log.append({index, p.op.toJson()});
        QVERIFY(outbox.markAppended(p.op.id, index));
    }
}

void TstTeamCommands::pull(Desk &desk)
{
    QVERIFY(TeamLogWriter(desk.fx->db()).applyItems(F::AccountA, m_log));
}

void TstTeamCommands::join(Desk &desk, const QString &name, const QString &role)
{
    const auto joined =
        answerOf([&](auto done) { desk.team->join(F::AccountA, name, role, nullptr, done); });
    QVERIFY(joined && joined->ok);
}

void TstTeamCommands::joinRefusesBadInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no name") << u"  "_s << u"agent"_s << u"name"_s;
    QTest::newRow("comma") << u"Lee, Ana"_s << u"agent"_s << u"comma"_s;
    QTest::newRow("role") << u"Ana"_s << u"boss"_s << u"boss"_s;
}

void TstTeamCommands::joinRefusesBadInput()
{
    QFETCH(QString, name);
    QFETCH(QString, role);
    QFETCH(QString, problem);
    const auto answer =
        answerOf([&](auto done) { m_a.team->join(F::AccountA, name, role, nullptr, done); });
    QVERIFY(answer);
    QVERIFY(!answer->ok);
    QVERIFY2(answer->error.contains(problem), qPrintable(answer->error));
    QVERIFY(!m_a.state());
    QCOMPARE(TeamOutboxRows(m_a.fx->db()).count(F::AccountA), 0);
}

void TstTeamCommands::joinRecordsTheAgentAndQueuesIt()
{
    join(m_a, u"Ana Lee"_s, u"admin"_s);
    const auto state = m_a.state();
    QVERIFY(state);
    QCOMPARE(state->agentName, u"Ana Lee"_s);
    QCOMPARE(state->role, u"admin"_s);
    QCOMPARE(state->deskId, m_a.writer->profileUuid());
    QCOMPARE(TeamOutboxRows(m_a.fx->db()).count(F::AccountA), 1);
    share(m_a);
    join(m_b, u"Sam"_s, u"agent"_s);
    pull(m_b);
    const auto ana = m_b.member(state->agentId);
    QVERIFY(ana);
    QCOMPARE(ana->name, u"Ana Lee"_s);
    QCOMPARE(ana->role, u"admin"_s);
    QVERIFY(ana->active);
}

void TstTeamCommands::invitationGivesTheAdminsRole()
{
    join(m_a, u"Ana"_s, u"admin"_s);
    std::optional<TeamInvite> invite;
    const auto made = answerOf([&](auto done) {
        m_a.team->invite(F::AccountA, u"Sam"_s, u"marketer"_s, nullptr,
                         [&invite, done](CommandResult r, TeamInvite i) {
                             invite = i;
                             done(r);
                         });
    });
    QVERIFY(made && made->ok);
    QVERIFY(invite && !invite->code.isEmpty());
    // On the admin's desktop the invitation waits in the roster, not active.
    const auto pending = m_a.member(invite->agentId);
    QVERIFY(pending && pending->invited && !pending->active);
    QCOMPARE(pending->role, u"marketer"_s);

    // Sam's desktop claims more than it was given: the admin's choice stands on every desktop
    // that has read the invitation.
    TeamInvite forged = *invite;
    forged.role = u"admin"_s;
    const auto joined = answerOf(
        [&](auto done) { m_b.team->joinWithInvite(F::AccountA, forged.toText(), nullptr, done); });
    QVERIFY(joined && joined->ok);
    QCOMPARE(m_b.state()->agentId, invite->agentId);
    share(m_a);
    share(m_b);
    pull(m_a);
    const auto sam = m_a.member(invite->agentId);
    QVERIFY(sam && sam->active && !sam->invited);
    QCOMPARE(sam->role, u"marketer"_s);
    QCOMPARE(sam->name, u"Sam"_s);

    // A join with the id but not the code of an invitation is no join.
    TeamInvite wrong = TeamInvite::create(u"Eve"_s, u"admin"_s);
    std::optional<TeamInvite> second;
    QVERIFY(answerOf([&](auto done) {
                m_a.team->invite(F::AccountA, u"Eve"_s, u"agent"_s, nullptr,
                                 [&second, done](CommandResult r, TeamInvite i) {
                                     second = i;
                                     done(r);
                                 });
            })->ok);
    wrong.agentId = second->agentId;
    TeamOp op;
    op.id = u"forged-join"_s;
    op.agent = wrong.agentId;
    op.at = 1;
    op.kind = u"agent.join"_s;
    op.target = wrong.agentId;
    op.fields = {{u"name"_s, u"Eve"_s}, {u"role"_s, u"admin"_s}, {u"invite"_s, wrong.code}};
    const auto outcome =
        TeamOpApplier(m_a.fx->db()).apply(F::AccountA, op, TeamOpApplier::Origin::Log);
    QCOMPARE(outcome, std::optional(TeamOpApplier::Outcome::NotApplicable));
    QVERIFY(m_a.member(second->agentId)->invited);
}

void TstTeamCommands::invitationTextRoundTrips()
{
    const TeamInvite invite = TeamInvite::create(u"Zoë Ünal"_s, u"agent"_s);
    const QString text = invite.toText();
    QVERIFY(text.startsWith(u"smsdesk-invite:"_s));
    // Mail clients wrap long lines.
    const auto back = TeamInvite::fromText(u"  "_s + text.left(30) + u"\n"_s + text.mid(30));
    QVERIFY(back);
    QCOMPARE(back->name, invite.name);
    QCOMPARE(back->role, invite.role);
    QCOMPARE(back->agentId, invite.agentId);
    QCOMPARE(back->code, invite.code);
    QVERIFY(!TeamInvite::fromText(u"hello"_s));
    QVERIFY(!TeamInvite::fromText(u"smsdesk-invite:!!!"_s));
    QVERIFY(TeamInvite::create(u"A"_s, u"agent"_s).code != invite.code);
}

void TstTeamCommands::onlyAdminsChangeTheRoster()
{
    join(m_a, u"Ana"_s, u"admin"_s);
    join(m_b, u"Sam"_s, u"agent"_s);
    const QString ana = m_a.state()->agentId;
    const auto refused = answerOf([&](auto done) {
        m_b.team->setRole(F::AccountA, m_b.state()->agentId, u"admin"_s, nullptr, done);
    });
    QVERIFY(refused && !refused->ok);
    QVERIFY2(refused->error.contains(u"admin"_s), qPrintable(refused->error));
    QVERIFY(answerOf([&](auto done) {
                m_b.team->invite(F::AccountA, u"Eve"_s, u"admin"_s, nullptr,
                                 [done](CommandResult r, TeamInvite) { done(r); });
            })->error.contains(u"admin"_s));
    QVERIFY(!answerOf([&](auto done) { m_b.team->remove(F::AccountA, ana, nullptr, done); })->ok);

    // A desktop that skips the check (an old or hand-made client) gets nowhere: the applier of
    // every desktop ignores a roster change made by a non-admin.
    share(m_a);
    share(m_b);
    pull(m_a);
    TeamOp op;
    op.id = u"sneaky"_s;
    op.agent = m_b.state()->agentId;
    op.at = 5;
    op.kind = u"agent.role"_s;
    op.target = m_b.state()->agentId;
    op.fields = {{u"role"_s, u"admin"_s}};
    m_log.append({m_log.size(), op.toJson()});
    pull(m_a);
    QCOMPARE(m_a.member(m_b.state()->agentId)->role, u"agent"_s);
}

void TstTeamCommands::roleChangeAndRemovalReachTheOtherDesktop()
{
    join(m_a, u"Ana"_s, u"admin"_s);
    join(m_b, u"Sam"_s, u"agent"_s);
    share(m_a);
    share(m_b);
    pull(m_a);
    pull(m_b);
    const QString sam = m_b.state()->agentId;
    QVERIFY(answerOf([&](auto done) {
                m_a.team->setRole(F::AccountA, sam, u"marketer"_s, nullptr, done);
            })->ok);
    QCOMPARE(m_a.member(sam)->role, u"marketer"_s); // at once here
    share(m_a);
    pull(m_b);
    QCOMPARE(m_b.state()->role, u"marketer"_s); // Sam's desktop learns its new role
    QVERIFY(answerOf([&](auto done) { m_a.team->remove(F::AccountA, sam, nullptr, done); })->ok);
    share(m_a);
    pull(m_b);
    QVERIFY(!m_b.member(sam)->active);
    QCOMPARE(TeamRosterRows(m_b.fx->db()).list(F::AccountA)->size(), 1);
    // Last seen: the roster knows when and from where each member was heard of.
    const auto ana = m_b.member(m_a.state()->agentId);
    QVERIFY(ana->lastSeenAt > 0);
    QCOMPARE(ana->lastDesk, m_a.writer->profileUuid());
}

void TstTeamCommands::theTeamKeepsAnAdmin()
{
    join(m_a, u"Ana"_s, u"admin"_s);
    const QString ana = m_a.state()->agentId;
    const auto refused = answerOf(
        [&](auto done) { m_a.team->setRole(F::AccountA, ana, u"agent"_s, nullptr, done); });
    QVERIFY(refused && !refused->ok);
    QVERIFY2(refused->error.contains(u"only admin"_s), qPrintable(refused->error));
    QVERIFY(!answerOf([&](auto done) { m_a.team->remove(F::AccountA, ana, nullptr, done); })->ok);
    QCOMPARE(m_a.state()->role, u"admin"_s);
}

void TstTeamCommands::notesNameTheirMentions()
{
    join(m_a, u"Ana"_s, u"admin"_s);
    join(m_b, u"Sam Ortiz"_s, u"agent"_s);
    share(m_b);
    pull(m_a);
    const auto added = answerOf([&](auto done) {
        m_a.team->addNote(F::AccountA, m_a.thread(), u"@sam ortiz can you call her? cc @Nobody"_s,
                          nullptr, done);
    });
    QVERIFY(added && added->ok);
    QCOMPARE(added->id, m_a.thread());
    const auto notes = ThreadNoteRows(m_a.fx->db()).forThread(m_a.thread());
    QVERIFY(notes && notes->size() == 1);
    QCOMPARE(notes->first().author, u"Ana"_s);
    QCOMPARE(notes->first().mentions, QStringList{u"Sam Ortiz"_s});
    // Shared: on Sam's desktop the note mentions Sam, and is not Sam's own.
    share(m_a);
    pull(m_b);
    const auto forSam = ThreadNoteRows(m_b.fx->db()).mentioning(F::AccountA, u"Sam Ortiz"_s, 0);
    QVERIFY(forSam && forSam->size() == 1);
    QVERIFY(ThreadNoteRows(m_b.fx->db()).mentioning(F::AccountA, u"Ana"_s, 0)->isEmpty());

    QVERIFY(!answerOf([&](auto done) {
                 m_a.team->addNote(F::AccountA, m_a.thread(), u"   "_s, nullptr, done);
             })->ok);
    QVERIFY(!answerOf([&](auto done) {
                 m_a.team->addNote(F::AccountA, 999999, u"lost"_s, nullptr, done);
             })->ok);
}

void TstTeamCommands::mentionsAreRosterNames()
{
    const QStringList roster{u"Ana"_s, u"Ana Lee"_s, u"Sam"_s};
    QCOMPARE(ThreadNoteRows::mentionsIn(u"@Ana Lee and @Sam"_s, roster),
             (QStringList{u"Ana Lee"_s, u"Sam"_s}));
    QCOMPARE(ThreadNoteRows::mentionsIn(u"@Ana, see @Anabel"_s, roster), QStringList{u"Ana"_s});
    QCOMPARE(ThreadNoteRows::mentionsIn(u"mail sam@example.com"_s, roster), QStringList{});
    QCOMPARE(ThreadNoteRows::mentionsIn(u"@sam @SAM"_s, roster), QStringList{u"Sam"_s});
}

QTEST_GUILESS_MAIN(TstTeamCommands)
#include "tst_teamcommands.moc"
