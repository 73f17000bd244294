#include "ConsentLedger.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Kind = ConsentEvent::Kind;
using Source = ConsentEvent::Source;
using Scope = ConsentLedger::Scope;
using State = ConsentLedger::ConsentState;
using Purpose = ConsentLedger::MessagePurpose;
using Events = QList<ConsentEvent>;

namespace {

const QString Customer = u"+15550001111"_s;
const QString OtherCustomer = u"+15550002222"_s;
const QString A = u"+15551230000"_s;
const QString B = u"+15551239999"_s;
const QString Everywhere; // '' sender: every number of the account

ConsentEvent makeEvent(Kind kind, Source source, const QString &sender, int minute,
                       const QString &contact = Customer)
{
    ConsentEvent e;
    e.contactNumber = contact;
    e.senderNumber = sender;
    e.kind = kind;
    e.source = source;
    e.detail = source == Source::ProviderError ? u"21610"_s
                                               : (kind == Kind::OptIn ? u"START"_s : u"STOP"_s);
    e.actor = u"system"_s;
    e.occurredAt = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC).addSecs(60 * minute);
    return e;
}

ConsentEvent stop(const QString &sender, int minute)
{
    return makeEvent(Kind::OptOut, Source::Keyword, sender, minute);
}

ConsentEvent start(const QString &sender, int minute)
{
    return makeEvent(Kind::OptIn, Source::Keyword, sender, minute);
}

ConsentEvent refused21610(const QString &sender, int minute)
{
    return makeEvent(Kind::OptOut, Source::ProviderError, sender, minute);
}

} // namespace

class TestConsentLedger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derive_data()
    {
        QTest::addColumn<Events>("events");
        QTest::addColumn<Scope>("scope");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<State>("state");
        QTest::addColumn<int>("deciding"); // index into events; -1: none

        const auto row = [](const char *name, const Events &events, Scope scope,
                            const QString &sender, State state, int deciding) {
            QTest::newRow(name) << events << scope << sender << state << deciding;
        };
        const auto P = Scope::PerNumber;
        const auto W = Scope::AccountWide;

        row("no events", {}, P, A, State::Unknown, -1);
        row("another customer's STOP",
            {makeEvent(Kind::OptOut, Source::Keyword, A, 0, OtherCustomer)}, W, A, State::Unknown,
            -1);

        // A STOP blocks its own pair; account-wide it blocks every number.
        row("STOP to A, per number, from A", {stop(A, 0)}, P, A, State::OptedOut, 0);
        row("STOP to A, per number, from B", {stop(A, 0)}, P, B, State::Unknown, -1);
        row("STOP to A, account-wide, from B", {stop(A, 0)}, W, B, State::OptedOut, 0);
        row("agent opt-out of every number, per number",
            {makeEvent(Kind::OptOut, Source::Agent, Everywhere, 0)}, P, B, State::OptedOut, 0);

        // An opt-in lifts an opt-out of the same scope.
        row("STOP then START on A", {stop(A, 0), start(A, 1)}, P, A, State::OptedIn, 1);
        row("STOP then START on A, account-wide, from B", {stop(A, 0), start(A, 1)}, W, B,
            State::OptedIn, 1);
        row("STOP A then START B, per number, from A", {stop(A, 0), start(B, 1)}, P, A,
            State::OptedOut, 0);
        row("STOP A then START B, account-wide, from A", {stop(A, 0), start(B, 1)}, W, A,
            State::OptedIn, 1);
        row("START then STOP on A", {start(A, 0), stop(A, 1)}, P, A, State::OptedOut, 1);
        row("form opt-in then STOP", {makeEvent(Kind::OptIn, Source::Form, A, 0), stop(A, 1)}, P, A,
            State::OptedOut, 1);
        row("import opt-in then STOP A, from B",
            {makeEvent(Kind::OptIn, Source::Import, Everywhere, 0), stop(A, 1)}, P, B,
            State::OptedIn, 0);

        // An opt-out of every number, then a START to A.
        const Events allThenStartA{makeEvent(Kind::OptOut, Source::Agent, Everywhere, 0),
                                   start(A, 1)};
        row("all-numbers opt-out, START A, per number, from A", allThenStartA, P, A, State::OptedIn,
            1);
        row("all-numbers opt-out, START A, per number, from B", allThenStartA, P, B,
            State::OptedOut, 0);
        row("all-numbers opt-out, START A, account-wide, from B", allThenStartA, W, B,
            State::OptedIn, 1);

        // The provider's 21610 is about one pair, whatever the account's scope.
        row("21610 from A, per number", {refused21610(A, 0)}, P, A, State::OptedOut, 0);
        row("21610 from A, account-wide, from B", {refused21610(A, 0)}, W, B, State::Unknown, -1);
        row("START B then 21610 from A, account-wide, from A", {start(B, 0), refused21610(A, 1)}, W,
            A, State::OptedOut, 1);
        row("START B then 21610 from A, account-wide, from B", {start(B, 0), refused21610(A, 1)}, W,
            B, State::OptedIn, 0);
        row("21610 then START on A", {refused21610(A, 0), start(A, 1)}, P, A, State::OptedIn, 1);

        // Order: by time, then as stored.
        row("recorded late but older", {start(A, 10), stop(A, 5)}, P, A, State::OptedIn, 0);
        row("same instant: store order", {stop(A, 3), start(A, 3)}, P, A, State::OptedIn, 1);
    }

    void derive()
    {
        QFETCH(Events, events);
        QFETCH(Scope, scope);
        QFETCH(QString, sender);
        QFETCH(State, state);
        QFETCH(int, deciding);

        const ConsentLedger ledger(events, scope);
        const auto consent = ledger.consent(Customer, sender);
        QCOMPARE(consent.state, state);
        QCOMPARE(consent.decidingEvent.has_value(), deciding >= 0);
        if (deciding >= 0)
            QCOMPARE(*consent.decidingEvent, events.at(deciding));
    }

    void maySend_data()
    {
        QTest::addColumn<Events>("events");
        QTest::addColumn<Purpose>("purpose");
        QTest::addColumn<bool>("allowed");

        const Events optedOut{stop(A, 0)};
        const Events optedIn{stop(A, 0), start(A, 1)};
        QTest::newRow("opted out: confirmation")
            << optedOut << Purpose::KeywordConfirmation << true;
        QTest::newRow("opted out: conversation") << optedOut << Purpose::Conversation << false;
        QTest::newRow("opted out: campaign") << optedOut << Purpose::Campaign << false;
        QTest::newRow("opted out by 21610: confirmation")
            << Events{refused21610(A, 0)} << Purpose::KeywordConfirmation << true;
        QTest::newRow("opted in: campaign") << optedIn << Purpose::Campaign << true;
        QTest::newRow("opted in: conversation") << optedIn << Purpose::Conversation << true;
        QTest::newRow("unknown: conversation") << Events{} << Purpose::Conversation << true;
        QTest::newRow("unknown: campaign") << Events{} << Purpose::Campaign << true;
    }

    void maySend()
    {
        QFETCH(Events, events);
        QFETCH(Purpose, purpose);
        QFETCH(bool, allowed);
        for (const Scope scope : {Scope::PerNumber, Scope::AccountWide}) {
            const ConsentLedger ledger(events, scope);
            QCOMPARE(ledger.maySend(Customer, A, purpose), allowed);
        }
    }

    void eventsForListsOneCustomerOldestFirst()
    {
        const Events events{
            start(A, 5), makeEvent(Kind::OptOut, Source::Agent, A, 1, OtherCustomer), stop(B, 2)};
        const ConsentLedger ledger(events, Scope::PerNumber);
        QCOMPARE(ledger.eventsFor(Customer), (Events{events.at(2), events.at(0)}));
        QCOMPARE(ledger.eventsFor(OtherCustomer), (Events{events.at(1)}));
        QVERIFY(ledger.eventsFor(u"+15550003333"_s).isEmpty());
    }

    void columnValuesRoundTrip()
    {
        // The consent_events CHECK constraints, verbatim.
        const QStringList kinds{u"opt_in"_s, u"opt_out"_s};
        for (const QString &text : kinds)
            QCOMPARE(ConsentEvent::kindToString(ConsentEvent::kindFromString(text).value()), text);
        const QStringList sources{u"keyword"_s, u"form"_s, u"import"_s, u"agent"_s,
                                  u"provider_error"_s};
        for (const QString &text : sources) {
            QCOMPARE(ConsentEvent::sourceToString(ConsentEvent::sourceFromString(text).value()),
                     text);
        }
        QVERIFY(!ConsentEvent::kindFromString(u"OPT_IN"_s));
        QVERIFY(!ConsentEvent::sourceFromString(u"provider_21610"_s));
        for (const Scope scope : {Scope::PerNumber, Scope::AccountWide})
            QCOMPARE(ConsentLedger::scopeFromString(ConsentLedger::scopeToString(scope)), scope);
        QVERIFY(!ConsentLedger::scopeFromString(u"global"_s));
    }
};

QTEST_APPLESS_MAIN(TestConsentLedger)
#include "tst_consentledger.moc"
