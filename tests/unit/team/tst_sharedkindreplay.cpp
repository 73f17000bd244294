// The shared kinds read back in other ways than op by op: a keyword process's reply template
// names the template by its team id (local ids differ), and a desktop that starts from a
// snapshot (the compacted log) holds the same processes, templates, canned replies and rules
// as one that read the whole log.
#include "CannedReplyOpApplier.h"
#include "CannedReplyRows.h"
#include "ConfirmationRuleOpApplier.h"
#include "ConfirmationRuleRows.h"
#include "KeywordOpApplier.h"
#include "KeywordProcessRows.h"
#include "TeamCompactionRows.h"
#include "TeamDesks.h"
#include "TemplateOpApplier.h"
#include "TemplateRows.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Account = ThreadFixture::AccountA;

std::optional<QList<TeamOp>> one(const std::optional<TeamOp> &op)
{
    return op ? std::optional(QList<TeamOp>{*op}) : std::nullopt;
}
} // namespace

class TstSharedKindReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void replyTemplateFollowsTheProcess();
    void aDesktopStartingFromASnapshotHoldsTheSame();

private:
    qint64 makeTemplate(TeamDesk &desk, const QString &name, const QString &body);
    qint64 makeProcess(TeamDesk &desk, const QString &keyword, std::optional<qint64> templateId);
    // Every shared kind of the desktop as one comparable text.
    static QString state(const TeamDesk &desk);

    TeamDesk m_a;
    TeamDesk m_b;
    TeamLogInMemory m_log;
};

void TstSharedKindReplay::init()
{
    m_log.items.clear();
    QVERIFY(m_a.open(u"Ana"_s));
    QVERIFY(m_b.open(u"Sam"_s));
}

qint64 TstSharedKindReplay::makeTemplate(TeamDesk &desk, const QString &name, const QString &body)
{
    TemplateRows rows(desk.db());
    TemplateOpApplier ops(desk.db());
    qint64 id = 0;
    const bool made = desk.change(
        [&] {
            id = rows.create(Account, name, TemplateType::Transactional, body, desk.name);
            return id ? QString() : rows.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            return QList<TeamOp>{*ops.putOp(Account, id),
                                 *ops.versionOp(Account, rows.summary(Account, id)->latest.id)};
        });
    const qint64 version = rows.summary(Account, id)->latest.id;
    const bool approved =
        made &&
        desk.change(
            [&] {
                return rows.approve(Account, version, u"Lee"_s, QDateTime::currentDateTimeUtc())
                           ? QString()
                           : rows.errorString();
            },
            [&](QString *) { return one(ops.versionOp(Account, version)); });
    return approved ? id : 0;
}

qint64 TstSharedKindReplay::makeProcess(TeamDesk &desk, const QString &keyword,
                                        std::optional<qint64> templateId)
{
    KeywordProcessRows rows(desk.db());
    KeywordProcessRows::Row row;
    row.senderNumberId =
        desk.scalar(u"SELECT id FROM sender_numbers WHERE number = ?"_s, {ThreadFixture::Support})
            .toLongLong();
    row.process = KeywordProcess::create(KeywordProcess::Type::AutoReply, ThreadFixture::Support);
    row.process.keywords = {keyword};
    row.process.replyTemplateId = templateId;
    row.reply = u"Ready, {{first_name}}."_s;
    qint64 id = 0;
    const bool made = desk.change(
        [&] {
            id = rows.create(Account, row, desk.name);
            return id ? QString() : rows.errorString();
        },
        [&](QString *) { return one(KeywordOpApplier(desk.db()).putOp(Account, id)); });
    return made ? id : 0;
}

void TstSharedKindReplay::replyTemplateFollowsTheProcess()
{
    // B holds a template of its own first: A's template is row 1 on A, row 2 on B.
    QVERIFY(TemplateRows(m_b.db()).create(Account, u"Local"_s, TemplateType::Transactional, u"Hi"_s,
                                          u"Sam"_s));
    const qint64 onA = makeTemplate(m_a, u"Ready"_s, u"Ready, {{first_name}}."_s);
    QCOMPARE(onA, 1);
    QVERIFY(makeProcess(m_a, u"READY"_s, onA));
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_b);
    const qint64 templateOnB =
        m_b.scalar(u"SELECT id FROM templates WHERE name = 'Ready'"_s).toLongLong();
    QCOMPARE(templateOnB, 2);
    QCOMPARE(m_b.scalar(u"SELECT reply_template_id FROM keyword_processes"_s).toLongLong(),
             templateOnB);
    // The process can take it as its reply there: an approved version.
    const auto replies = KeywordProcessRows(m_b.db()).replyTemplates(Account);
    QVERIFY(replies);
    QCOMPARE(replies->size(), 1);
    QCOMPARE(replies->first().id, templateOnB);
}

QString TstSharedKindReplay::state(const TeamDesk &desk)
{
    return desk
        .scalar(u"SELECT (SELECT group_concat(x, ';') FROM (SELECT p.team_id || p.type || "
                u"p.keywords || p.reply || p.status || coalesce(t.team_id, '-') AS x FROM "
                u"keyword_processes p LEFT JOIN templates t ON t.id = p.reply_template_id "
                u"ORDER BY p.team_id)) || '#' || (SELECT group_concat(x, ';') FROM (SELECT "
                u"t.team_id || t.name || t.type || v.version || v.body || v.state || v.approver "
                u"AS x FROM templates t JOIN template_versions v ON v.template_id = t.id ORDER BY "
                u"t.team_id, v.version)) || '#' || (SELECT group_concat(x, ';') FROM (SELECT "
                u"team_id || name || body AS x FROM canned_replies ORDER BY team_id)) || '#' || "
                u"(SELECT group_concat(x, ';') FROM (SELECT country_code || rule AS x FROM "
                u"confirmation_rules ORDER BY country_code))"_s)
        .toString();
}

void TstSharedKindReplay::aDesktopStartingFromASnapshotHoldsTheSame()
{
    // A history with edits, renames, state changes and a delete.
    const qint64 templateId = makeTemplate(m_a, u"Ready"_s, u"Ready, {{first_name}}."_s);
    TemplateRows templates(m_a.db());
    TemplateOpApplier templateOps(m_a.db());
    QVERIFY(m_a.change(
        [&] {
            return templates.saveDraft(Account, templateId, u"Order ready"_s,
                                       TemplateType::Transactional, u"Ready, {{first_name}}."_s,
                                       u"Ana"_s)
                       ? QString()
                       : templates.errorString();
        },
        [&](QString *) { return one(templateOps.putOp(Account, templateId)); }));
    const qint64 kept = makeProcess(m_a, u"READY"_s, templateId);
    const qint64 dropped = makeProcess(m_a, u"GONE"_s, std::nullopt);
    KeywordProcessRows processes(m_a.db());
    KeywordOpApplier keywordOps(m_a.db());
    using Action = KeywordProcessLifecycle::Action;
    QVERIFY(m_a.change(
        [&] {
            return processes.apply(Account, kept, Action::Start, u"Ana"_s) ? QString() : u"x"_s;
        },
        [&](QString *) { return one(keywordOps.stateOp(Account, kept)); }));
    const auto deleteOp = keywordOps.deleteOp(Account, dropped);
    QVERIFY(m_a.change(
        [&] {
            return processes.apply(Account, dropped, Action::Delete, u"Ana"_s) ? QString() : u"x"_s;
        },
        [&](QString *) { return one(deleteOp); }));
    auto row = *processes.find(Account, kept);
    row.reply = u"Ready now, {{first_name}}."_s;
    QVERIFY(m_a.change(
        [&] {
            return processes.update(Account, row, u"Ana"_s) ? QString() : processes.errorString();
        },
        [&](QString *) { return one(keywordOps.putOp(Account, kept)); }));
    CannedReplyRows canned(m_a.db());
    qint64 cannedId = 0;
    QVERIFY(m_a.change(
        [&] {
            cannedId = canned.add(Account, u"Thanks"_s, u"Thanks!"_s);
            return cannedId ? QString() : canned.errorString();
        },
        [&](QString *) { return one(CannedReplyOpApplier(m_a.db()).putOp(Account, cannedId)); }));
    ConfirmationRuleRows rules(m_a.db());
    QVERIFY(m_a.change(
        [&] {
            return rules.set(Account, u"FR"_s, ConfirmationRule::Rule::Prohibited, u"Ana"_s)
                       ? QString()
                       : rules.errorString();
        },
        [&](QString *) -> std::optional<QList<TeamOp>> {
            return QList<TeamOp>{ConfirmationRuleOpApplier::putOp(u"FR"_s, u"prohibited"_s)};
        }));
    QVERIFY(m_log.share(m_a));
    m_log.pull(m_a);
    m_log.pull(m_b);
    QCOMPARE(state(m_b), state(m_a));
    QVERIFY(state(m_b).contains(u"Ready now"_s));

    // A new desktop starts from B's compacted log instead of the whole log.
    const auto entries = TeamCompactionRows(m_b.db()).entries(Account);
    QVERIFY(entries);
    QList<TeamLogWriter::LogItem> snapshot;
    for (const TeamCompactionRows::Entry &entry : *entries)
        snapshot.append({entry.index, entry.op});
    TeamDesk c;
    QVERIFY(c.open(u"Lee"_s));
    QVERIFY(TeamLogWriter(c.db()).applySnapshot(Account, m_log.items.size() - 1, snapshot));
    QCOMPARE(state(c), state(m_a));
}

QTEST_GUILESS_MAIN(TstSharedKindReplay)
#include "tst_sharedkindreplay.moc"
