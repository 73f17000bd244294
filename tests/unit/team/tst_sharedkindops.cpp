// Keyword processes, templates and canned replies as team ops, between two desktops applying
// one log: made on one (written by its repository and queued in one transaction, TeamShare),
// applied on the other by team id whatever the local ids; applying twice is applying once; the
// later op in the log wins; fields a newer version adds are ignored; name clashes settle alike.
#include "CannedReplyOpApplier.h"
#include "CannedReplyRows.h"
#include "KeywordOpApplier.h"
#include "KeywordProcessRows.h"
#include "TeamDesks.h"
#include "TeamLogWriter.h"
#include "TeamOutboxRows.h"
#include "TeamShare.h"
#include "TeamStateRows.h"
#include "TemplateOpApplier.h"
#include "TemplateRows.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;
using Origin = TeamOpApplier::Origin;

namespace {
constexpr qint64 Account = ThreadFixture::AccountA;

KeywordProcessRows::Row autoReply(const QStringList &keywords, const QString &reply)
{
    KeywordProcessRows::Row row;
    row.senderNumberId = 1; // ThreadFixture's Support number
    row.process = KeywordProcess::create(KeywordProcess::Type::AutoReply, ThreadFixture::Support);
    row.process.keywords = keywords;
    row.reply = reply;
    return row;
}
} // namespace

class TstSharedKindOps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void processMadeOnOneMapsToTheOthersRow();
    void applyingTwiceIsApplyingOnce();
    void laterOpInTheLogWins();
    void unknownFieldsAreIgnoredAndBrokenOpsSkipped();
    void deleteReachesTheOther();
    void templateVersionsAndApprovalsTravel();
    void nameClashesSettleAlikeOnBoth();
    void withoutATeamNothingIsQueued();

private:
    using Desk = TeamDesk;

    // What KeywordCommands does: the repository's write and the op, in one transaction.
    qint64 createProcess(Desk &desk, const KeywordProcessRows::Row &row);
    bool changeProcess(Desk &desk, qint64 id, KeywordProcessLifecycle::Action action);
    bool editReply(Desk &desk, qint64 id, const QString &reply);
    void share(Desk &desk);
    TeamLogWriter::Applied pull(Desk &desk);

    Desk m_a;
    Desk m_b;
    TeamLogInMemory m_log;
};

void TstSharedKindOps::init()
{
    m_log.items.clear();
    QVERIFY(m_a.open(u"Ana"_s));
    QVERIFY(m_b.open(u"Sam"_s));
}

void TstSharedKindOps::cleanup()
{
    m_a.fx.reset();
    m_b.fx.reset();
}

qint64 TstSharedKindOps::createProcess(Desk &desk, const KeywordProcessRows::Row &row)
{
    KeywordProcessRows rows(desk.db());
    TeamShare share(desk.db());
    qint64 id = 0;
    const bool ok = share.run(
        Account, desk.name,
        [&] {
            id = rows.create(Account, row, desk.name);
            return id > 0 ? QString() : rows.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            const auto op = KeywordOpApplier(desk.db()).putOp(Account, id);
            return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
        });
    if (!ok)
        qWarning() << share.errorString();
    return ok ? id : 0;
}

bool TstSharedKindOps::changeProcess(Desk &desk, qint64 id, KeywordProcessLifecycle::Action action)
{
    KeywordProcessRows rows(desk.db());
    KeywordOpApplier ops(desk.db());
    const auto deleteOp = ops.deleteOp(Account, id);
    TeamShare share(desk.db());
    return share.run(
        Account, desk.name,
        [&] { return rows.apply(Account, id, action, desk.name) ? QString() : rows.errorString(); },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            const auto op = action == KeywordProcessLifecycle::Action::Delete
                                ? deleteOp
                                : ops.stateOp(Account, id);
            return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
        });
}

bool TstSharedKindOps::editReply(Desk &desk, qint64 id, const QString &reply)
{
    KeywordProcessRows rows(desk.db());
    auto row = rows.find(Account, id);
    if (!row)
        return false;
    row->reply = reply;
    TeamShare share(desk.db());
    return share.run(
        Account, desk.name,
        [&] { return rows.update(Account, *row, desk.name) ? QString() : rows.errorString(); },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            const auto op = KeywordOpApplier(desk.db()).putOp(Account, id);
            return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
        });
}

void TstSharedKindOps::share(Desk &desk)
{
    QVERIFY(m_log.share(desk));
}

TeamLogWriter::Applied TstSharedKindOps::pull(Desk &desk)
{
    return m_log.pull(desk);
}

void TstSharedKindOps::processMadeOnOneMapsToTheOthersRow()
{
    // B holds two processes of its own first: A's first process is row 1 on A, row 3 on B.
    QVERIFY(
        KeywordProcessRows(m_b.db()).create(Account, autoReply({u"PRICES"_s}, u"p"_s), u"Sam"_s));
    QVERIFY(KeywordProcessRows(m_b.db()).create(Account, autoReply({u"MENU"_s}, u"m"_s), u"Sam"_s));
    const qint64 onA = createProcess(m_a, autoReply({u"HOURS"_s}, u"Open 9 to 5."_s));
    QCOMPARE(onA, 1);
    QVERIFY(changeProcess(m_a, onA, KeywordProcessLifecycle::Action::Start));
    QCOMPARE(TeamOutboxRows(m_a.db()).count(Account), 2);
    share(m_a);
    const auto applied = pull(m_b);
    QCOMPARE(applied.applied, 2);
    const QString teamId = m_a.scalar(u"SELECT team_id FROM keyword_processes"_s).toString();
    QCOMPARE(
        m_b.scalar(u"SELECT id FROM keyword_processes WHERE team_id = ?"_s, {teamId}).toLongLong(),
        3);
    const auto row = KeywordProcessRows(m_b.db()).find(Account, 3);
    QVERIFY(row);
    QCOMPARE(row->process.keywords, QStringList{u"HOURS"_s});
    QCOMPARE(row->reply, u"Open 9 to 5."_s);
    QCOMPARE(row->process.status, KeywordProcess::Status::Started);
    QCOMPARE(row->process.inboundNumber, ThreadFixture::Support);
    // A reads its own ops back: nothing changes, the queue empties.
    QCOMPARE(pull(m_a).ours, 2);
    QCOMPARE(TeamOutboxRows(m_a.db()).count(Account), 0);
    // B's audit log names who did it on the other desktop.
    QCOMPARE(m_b.scalar(u"SELECT actor FROM audit_log WHERE action = 'keyword_process.start'"_s)
                 .toString(),
             u"Ana"_s);
}

void TstSharedKindOps::applyingTwiceIsApplyingOnce()
{
    QVERIFY(createProcess(m_a, autoReply({u"HOURS"_s}, u"Open."_s)));
    share(m_a);
    const auto op = TeamOp::fromJson(m_log.items.first().data);
    QVERIFY(op);
    TeamOpApplier applier(m_b.db());
    QCOMPARE(applier.apply(Account, *op, Origin::Log), std::optional(Outcome::Applied));
    QCOMPARE(applier.apply(Account, *op, Origin::Log), std::optional(Outcome::Unchanged));
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 1);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM audit_log WHERE action LIKE 'keyword_process.%'"_s)
                 .toInt(),
             1);
    // The log read twice (a retried page) applies each item once.
    pull(m_b);
    pull(m_b);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 1);
}

void TstSharedKindOps::laterOpInTheLogWins()
{
    const qint64 onA = createProcess(m_a, autoReply({u"HOURS"_s}, u"Open."_s));
    share(m_a);
    pull(m_a);
    pull(m_b);
    const qint64 onB = m_b.scalar(u"SELECT id FROM keyword_processes"_s).toLongLong();
    // Both edit the reply before either reads the other's edit; B's reaches the log first.
    QVERIFY(editReply(m_a, onA, u"Ana's hours"_s));
    QVERIFY(editReply(m_b, onB, u"Sam's hours"_s));
    share(m_b);
    // On A, Sam's edit (earlier in the log) does not undo Ana's, still waiting to be appended.
    pull(m_a);
    QCOMPARE(m_a.scalar(u"SELECT reply FROM keyword_processes"_s).toString(), u"Ana's hours"_s);
    share(m_a);
    pull(m_a);
    pull(m_b);
    for (const Desk *desk : {&m_a, &m_b})
        QCOMPARE(desk->scalar(u"SELECT reply FROM keyword_processes"_s).toString(),
                 u"Ana's hours"_s);
    // Status and definition are apart: B starts, A's later edit does not stop it.
    QVERIFY(changeProcess(m_b, onB, KeywordProcessLifecycle::Action::Start));
    QVERIFY(editReply(m_a, onA, u"Ana again"_s));
    share(m_b);
    pull(m_a);
    QCOMPARE(m_a.scalar(u"SELECT status FROM keyword_processes"_s).toString(), u"started"_s);
    QCOMPARE(m_a.scalar(u"SELECT reply FROM keyword_processes"_s).toString(), u"Ana again"_s);
    share(m_a);
    pull(m_a);
    pull(m_b);
    for (const Desk *desk : {&m_a, &m_b}) {
        QCOMPARE(desk->scalar(u"SELECT status FROM keyword_processes"_s).toString(), u"started"_s);
        QCOMPARE(desk->scalar(u"SELECT reply FROM keyword_processes"_s).toString(), u"Ana again"_s);
    }
}

void TstSharedKindOps::unknownFieldsAreIgnoredAndBrokenOpsSkipped()
{
    TeamOp op;
    op.id = u"op-future"_s;
    op.agent = u"ag-Ana"_s; // an admin of the roster
    op.kind = u"keyword.put"_s;
    op.target = u"5f0c7e9a-0000-4000-8000-000000000001"_s;
    op.fields = {{u"field"_s, u"definition"_s},
                 {u"number"_s, ThreadFixture::Support},
                 {u"type"_s, u"help"_s},
                 {u"keywords"_s, QJsonArray{u"HELP"_s, u"INFO"_s}},
                 {u"reply"_s, u"Call us."_s},
                 {u"status"_s, u"started"_s},
                 {u"schedule"_s, QJsonObject{{u"from"_s, u"09:00"_s}}}, // a newer version's
                 {u"colour"_s, u"teal"_s}};
    TeamOpApplier applier(m_b.db());
    QCOMPARE(applier.apply(Account, op, Origin::Log), std::optional(Outcome::Applied));
    QCOMPARE(m_b.scalar(u"SELECT type || '|' || status FROM keyword_processes"_s).toString(),
             u"help|started"_s);
    // A type this version does not know, a number this desktop does not have, a state of a
    // process it never saw: skipped, nothing half-applied.
    TeamOp unknownType = op;
    unknownType.id = u"op-2"_s;
    unknownType.target = u"other"_s;
    unknownType.fields.insert(u"type"_s, u"survey"_s);
    QCOMPARE(applier.apply(Account, unknownType, Origin::Log),
             std::optional(Outcome::NotApplicable));
    TeamOp unknownNumber = op;
    unknownNumber.id = u"op-3"_s;
    unknownNumber.target = u"other"_s;
    unknownNumber.fields.insert(u"number"_s, u"+19995550000"_s);
    QCOMPARE(applier.apply(Account, unknownNumber, Origin::Log),
             std::optional(Outcome::NotApplicable));
    TeamOp state;
    state.id = u"op-4"_s;
    state.kind = u"keyword.state"_s;
    state.target = u"never-seen"_s;
    state.fields = {{u"field"_s, u"status"_s}, {u"status"_s, u"paused"_s}};
    QCOMPARE(applier.apply(Account, state, Origin::Log), std::optional(Outcome::NotApplicable));
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 1);
    QVERIFY(TeamOpApplier::isKnownKind(u"keyword.put"_s));
    QVERIFY(TeamOpApplier::isKnownKind(u"template.version"_s));
    QVERIFY(TeamOpApplier::isKnownKind(u"canned.put"_s));
    QVERIFY(!TeamOpApplier::isKnownKind(u"keyword.frobnicate"_s));
}

void TstSharedKindOps::deleteReachesTheOther()
{
    const qint64 onA = createProcess(m_a, autoReply({u"HOURS"_s}, u"Open."_s));
    share(m_a);
    pull(m_b);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 1);
    QVERIFY(changeProcess(m_a, onA, KeywordProcessLifecycle::Action::Delete));
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 0);
    share(m_a);
    pull(m_b);
    pull(m_a);
    QCOMPARE(m_b.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 0);
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM keyword_processes"_s).toInt(), 0);
}

void TstSharedKindOps::templateVersionsAndApprovalsTravel()
{
    TemplateRows rows(m_a.db());
    TemplateOpApplier ops(m_a.db());
    TeamShare share(m_a.db());
    qint64 templateId = 0;
    QVERIFY(share.run(
        Account, u"Ana"_s,
        [&] {
            templateId = rows.create(Account, u"Ready"_s, TemplateType::Transactional,
                                     u"Ready, {{first_name}}."_s, u"Ana"_s);
            return templateId ? QString() : rows.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            return QList<TeamOp>{
                *ops.putOp(Account, templateId),
                *ops.versionOp(Account, rows.summary(Account, templateId)->latest.id)};
        }));
    const qint64 v1 = rows.summary(Account, templateId)->latest.id;
    QVERIFY(share.run(
        Account, u"Lee"_s,
        [&] {
            return rows.approve(Account, v1, u"Lee"_s, QDateTime::currentDateTimeUtc())
                       ? QString()
                       : rows.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            return QList<TeamOp>{*ops.versionOp(Account, v1)};
        }));
    this->share(m_a);
    QCOMPARE(m_log.items.size(), 3);
    pull(m_b);
    const auto list = TemplateRows(m_b.db()).list(Account);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().name, u"Ready"_s);
    QCOMPARE(list.first().latest.body, u"Ready, {{first_name}}."_s);
    QCOMPARE(list.first().latest.stage, TemplateVersionState::Stage::Approved);
    QCOMPARE(list.first().latest.approver, u"Lee"_s);
    QCOMPARE(list.first().teamId, TemplateRows(m_a.db()).list(Account).first().teamId);
    QVERIFY(list.first().approvedVersionId > 0);
}

void TstSharedKindOps::nameClashesSettleAlikeOnBoth()
{
    // Both desktops make a canned reply "Thanks" at once, each unaware of the other's.
    for (Desk *desk : {&m_a, &m_b}) {
        CannedReplyRows rows(desk->db());
        TeamShare share(desk->db());
        qint64 id = 0;
        QVERIFY(share.run(
            Account, desk->name,
            [&] {
                id = rows.add(Account, u"Thanks"_s, u"Thanks from "_s + desk->name);
                return id ? QString() : rows.errorString();
            },
            [&](QString *) -> std::optional<QList<TeamOp>> {
                return QList<TeamOp>{*CannedReplyOpApplier(desk->db()).putOp(Account, id)};
            }));
    }
    share(m_b);
    share(m_a);
    pull(m_a);
    pull(m_b);
    const QString names = u"SELECT group_concat(team_id || '=' || name || ':' || body, ';') FROM "
                          u"(SELECT * FROM canned_replies ORDER BY team_id)"_s;
    QCOMPARE(m_a.scalar(names).toString(), m_b.scalar(names).toString());
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM canned_replies WHERE name = 'Thanks'"_s).toInt(), 1);
    QCOMPARE(m_a.scalar(u"SELECT count(*) FROM canned_replies"_s).toInt(), 2);
}

void TstSharedKindOps::withoutATeamNothingIsQueued()
{
    auto fx = std::make_unique<ThreadFixture>();
    QVERIFY(fx->open());
    KeywordProcessRows rows(fx->db());
    TeamShare share(fx->db());
    bool described = false;
    QVERIFY(share.run(
        Account, u"Ana"_s,
        [&] {
            return rows.create(Account, autoReply({u"HOURS"_s}, u"Open."_s), u"Ana"_s)
                       ? QString()
                       : rows.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            described = true;
            return QList<TeamOp>{};
        }));
    QVERIFY(!share.shared());
    QVERIFY(!described);
    QCOMPARE(StoreTestUtil::scalar(fx->db(), u"SELECT count(*) FROM keyword_processes"_s).toInt(),
             1);
    QCOMPARE(StoreTestUtil::scalar(fx->db(), u"SELECT count(*) FROM team_outbox"_s).toInt(), 0);
    // A refused write is refused the same way in a team: nothing written, nothing queued.
    TeamShare inTeam(m_a.db());
    QVERIFY(!inTeam.run(
        Account, u"Ana"_s, [] { return u"no"_s; },
        [](QString *) -> std::optional<QList<TeamOp>> { return QList<TeamOp>{}; }));
    QCOMPARE(inTeam.errorString(), u"no"_s);
    QCOMPARE(TeamOutboxRows(m_a.db()).count(Account), 0);
}

QTEST_GUILESS_MAIN(TstSharedKindOps)
#include "tst_sharedkindops.moc"
