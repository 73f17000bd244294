// ContactEditCommands against real profiles: an edit in a team is one contact.put in
// team_outbox carrying every field, which a teammate's desktop applies; a delete is a
// contact.delete that removes the contact there too while threads and consent stay. Bad input
// and an agent's edit are refused unwritten.
#include "CommandFixture.h"
#include "ConsentRows.h"
#include "ContactEditCommands.h"
#include "SharedKindOps.h"
#include "TeamOp.h"
#include "TeamStateRows.h"

#include <QJsonDocument>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {
const QString Customer = u"+14155550101"_s;
} // namespace

class TstContactEditCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void editBecomesContactPutAppliedByTeammate();
    void deleteIsSharedAndKeepsThreadsAndConsent();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void agentMayNotEdit();
    void outsideATeamNothingIsQueued();

private:
    void join(CommandFixture &fx, const QString &name, const QString &role);
    QList<TeamOp> outbox(CommandFixture &fx);
    QString applyOn(CommandFixture &fx, const TeamOp &op);

    std::unique_ptr<CommandFixture> m_a;
    std::unique_ptr<CommandFixture> m_b;
};

void TstContactEditCommands::init()
{
    m_a = std::make_unique<CommandFixture>();
    m_b = std::make_unique<CommandFixture>();
    QVERIFY(m_a->open() && m_b->open());
    for (CommandFixture *fx : {m_a.get(), m_b.get()}) {
        const qint64 account = fx->acme;
        const qint64 sender = fx->longCode;
        QVERIFY(fx->writer->call([&](WriterContext &context) {
            ConsentEvent out;
            out.kind = ConsentEvent::Kind::OptOut;
            out.source = ConsentEvent::Source::Keyword;
            out.actor = u"system"_s;
            out.occurredAt = QDateTime::currentDateTimeUtc();
            out.contactNumber = Customer;
            return StoreTestUtil::exec(context.db(),
                                       u"INSERT INTO contacts (account_id, number, name) "
                                       u"VALUES (?, ?, 'Maria')"_s,
                                       {account, Customer})
                       .isActive() &&
                   StoreTestUtil::exec(context.db(),
                                       u"INSERT INTO threads (account_id, customer_number, "
                                       u"sender_number_id) VALUES (?, ?, ?)"_s,
                                       {account, Customer, sender})
                       .isActive() &&
                   ConsentRows(context.db()).record(account, out);
        }));
    }
}

void TstContactEditCommands::cleanup()
{
    m_a.reset();
    m_b.reset();
}

void TstContactEditCommands::join(CommandFixture &fx, const QString &name, const QString &role)
{
    const qint64 account = fx.acme;
    QVERIFY(fx.writer->call([&](WriterContext &context) {
        if (!context.repo<TeamStateRows>().join(account, u"ag-"_s + name, u"desk-"_s + name))
            return false;
        // The roster as the applied agent.join ops leave it, on both desks.
        for (const auto &[person, as] :
             {std::pair(u"Ana"_s, u"marketer"_s), std::pair(u"Sam"_s, role)}) {
            if (!StoreTestUtil::exec(context.db(),
                                     u"INSERT INTO team_agents (account_id, agent_id, name, "
                                     u"role, active, joined_at) VALUES (?, ?, ?, ?, 1, 0) ON "
                                     u"CONFLICT (account_id, agent_id) DO UPDATE SET "
                                     u"role = excluded.role"_s,
                                     QVariantList{account, QString(u"ag-"_s + person), person,
                                                  person == name ? role : as})
                     .isActive())
                return false;
        }
        return true;
    }));
}

QList<TeamOp> TstContactEditCommands::outbox(CommandFixture &fx)
{
    QList<TeamOp> ops;
    const QStringList rows =
        StoreTestUtil::rows(fx.reader->connection(), u"SELECT op FROM team_outbox ORDER BY id"_s);
    for (const QString &row : rows) {
        if (auto op = TeamOp::fromJson(QJsonDocument::fromJson(row.toUtf8()).object()))
            ops << *op;
    }
    return ops;
}

QString TstContactEditCommands::applyOn(CommandFixture &fx, const TeamOp &op)
{
    const qint64 account = fx.acme;
    QString error;
    const auto outcome = fx.writer->call([&](WriterContext &context) {
        return SharedKindOps::apply(context.db(), account, op, TeamOpApplier::Origin::Log, &error);
    });
    if (!outcome)
        return u"failed: "_s + error;
    return *outcome == TeamOpApplier::Outcome::Applied ? u"applied"_s : u"not applied"_s;
}

void TstContactEditCommands::editBecomesContactPutAppliedByTeammate()
{
    join(*m_a, u"Ana"_s, u"marketer"_s);
    join(*m_b, u"Sam"_s, u"agent"_s);
    ContactEditCommands commands(m_a->writer.get(), m_a->acme, u"Ana"_s);
    ContactEditCommands::Fields fields{u"  Maria Gonzalez "_s,
                                       {u"vip"_s, u"florist"_s, u"vip"_s},
                                       {{u"first_name"_s, u"Maria"_s}},
                                       u"America/Chicago"_s};
    const auto got = CommandFixture::answer(
        [&](auto done) { commands.save(Customer, fields, std::move(done)); });
    QVERIFY(got);
    QVERIFY2(got->ok, qPrintable(got->error));
    const QList<TeamOp> ops = outbox(*m_a);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].kind, u"contact.put"_s);
    QCOMPARE(ops[0].target, Customer);
    const QJsonObject values = ops[0].fields[u"contacts"_s][Customer].toObject();
    QCOMPARE(values[u"name"_s].toString(), u"Maria Gonzalez"_s);
    QCOMPARE(values[u"tags"_s].toArray().size(), 2);
    QCOMPARE(values[u"attributes"_s][u"first_name"_s].toString(), u"Maria"_s);
    QCOMPARE(values[u"time_zone"_s].toString(), u"America/Chicago"_s);
    // Sam's desk applies it as it reads the log.
    QCOMPARE(applyOn(*m_b, ops[0]), u"applied"_s);
    QCOMPARE(StoreTestUtil::rows(m_b->reader->connection(),
                                 u"SELECT name, tags, attributes, time_zone FROM contacts"_s),
             QStringList{u"Maria Gonzalez|[\"vip\",\"florist\"]|{\"first_name\":\"Maria\"}|"
                         u"America/Chicago"_s});
    QCOMPARE(applyOn(*m_b, ops[0]), u"not applied"_s);
    QCOMPARE(
        StoreTestUtil::scalar(m_a->reader->connection(),
                              u"SELECT count(*) FROM audit_log WHERE action = 'contact.edit'"_s)
            .toInt(),
        1);
}

void TstContactEditCommands::deleteIsSharedAndKeepsThreadsAndConsent()
{
    join(*m_a, u"Ana"_s, u"marketer"_s);
    join(*m_b, u"Sam"_s, u"agent"_s);
    ContactEditCommands commands(m_a->writer.get(), m_a->acme, u"Ana"_s);
    const auto got =
        CommandFixture::answer([&](auto done) { commands.remove(Customer, std::move(done)); });
    QVERIFY(got && got->ok);
    QCOMPARE(m_a->count(u"contacts"_s), 0);
    const QList<TeamOp> ops = outbox(*m_a);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops[0].kind, u"contact.delete"_s);
    QCOMPARE(applyOn(*m_b, ops[0]), u"applied"_s);
    for (CommandFixture *fx : {m_a.get(), m_b.get()}) {
        QCOMPARE(fx->count(u"contacts"_s), 0);
        QCOMPARE(fx->count(u"threads"_s), 1);
        QCOMPARE(fx->count(u"consent_events"_s), 1);
    }
    QCOMPARE(applyOn(*m_b, ops[0]), u"not applied"_s);
    // Deleting what is not there says so.
    const auto again =
        CommandFixture::answer([&](auto done) { commands.remove(Customer, std::move(done)); });
    QVERIFY(again && !again->ok);
    QVERIFY2(again->error.contains(u"no contact"_s), qPrintable(again->error));
}

void TstContactEditCommands::badInputIsRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("expected");
    QTest::newRow("control in name")
        << u"Ma\x01ria"_s << QStringList() << u"x"_s << QString() << u"control character"_s;
    QTest::newRow("long name") << QString(300, u'a') << QStringList() << u"x"_s << QString()
                               << u"300 characters long"_s;
    QTest::newRow("tag with newline")
        << u"M"_s << QStringList{u"a\nb"_s} << u"x"_s << QString() << u"control character"_s;
    QTest::newRow("empty tag") << u"M"_s << QStringList{u" "_s} << u"x"_s << QString()
                               << u"empty"_s;
    QTest::newRow("long value") << u"M"_s << QStringList() << QString(2000, u'v') << QString()
                                << u"at most 1024"_s;
    QTest::newRow("zone") << u"M"_s << QStringList() << u"x"_s << u"Mars/Olympus"_s
                          << u"not a time zone"_s;
}

void TstContactEditCommands::badInputIsRefused()
{
    QFETCH(QString, name);
    QFETCH(QStringList, tags);
    QFETCH(QString, attribute);
    QFETCH(QString, zone);
    QFETCH(QString, expected);
    ContactEditCommands commands(m_a->writer.get(), m_a->acme, u"Ana"_s);
    const auto got = CommandFixture::answer([&](auto done) {
        commands.save(Customer, {name, tags, {{u"note"_s, attribute}}, zone}, std::move(done));
    });
    QVERIFY(got && !got->ok);
    QVERIFY2(got->error.contains(expected), qPrintable(got->error));
    QCOMPARE(
        StoreTestUtil::scalar(m_a->reader->connection(), u"SELECT name FROM contacts"_s).toString(),
        u"Maria"_s);
}

void TstContactEditCommands::agentMayNotEdit()
{
    join(*m_a, u"Sam"_s, u"agent"_s);
    ContactEditCommands commands(m_a->writer.get(), m_a->acme, u"Sam"_s);
    const auto got = CommandFixture::answer([&](auto done) {
        commands.save(Customer, {u"X"_s, {}, {}, {}}, std::move(done));
    });
    QVERIFY(got && !got->ok);
    QVERIFY2(got->error.contains(u"marketer"_s), qPrintable(got->error));
    const auto removed =
        CommandFixture::answer([&](auto done) { commands.remove(Customer, std::move(done)); });
    QVERIFY(removed && !removed->ok);
    QCOMPARE(m_a->count(u"contacts"_s), 1);
    QCOMPARE(m_a->count(u"team_outbox"_s), 0);
}

void TstContactEditCommands::outsideATeamNothingIsQueued()
{
    ContactEditCommands commands(m_a->writer.get(), m_a->acme, u"Ana"_s);
    const auto got = CommandFixture::answer([&](auto done) {
        commands.save(Customer, {u"Ana B"_s, {}, {}, {}}, std::move(done));
    });
    QVERIFY(got);
    QVERIFY2(got->ok, qPrintable(got->error));
    QCOMPARE(
        StoreTestUtil::scalar(m_a->reader->connection(), u"SELECT name FROM contacts"_s).toString(),
        u"Ana B"_s);
    QCOMPARE(m_a->count(u"team_outbox"_s), 0);
    const auto missing = CommandFixture::answer(
        [&](auto done) { commands.save(u"+14155550999"_s, {}, std::move(done)); });
    QVERIFY(missing && !missing->ok);
}

QTEST_MAIN(TstContactEditCommands)
#include "tst_contacteditcommands.moc"
