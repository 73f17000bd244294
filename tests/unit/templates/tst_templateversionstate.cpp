#include "TemplateVersionState.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using Stage = TemplateVersionState::Stage;

namespace {

const QDateTime approvedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC);

TemplateVersionState stateAt(Stage stage)
{
    TemplateVersionState state;
    if (stage == Stage::Draft)
        return state;
    state = *state.approve(u"Maria"_s, approvedAt).state;
    if (stage == Stage::Retired)
        state = *state.retire().state;
    return state;
}

} // namespace

Q_DECLARE_METATYPE(TemplateVersionState::Stage)

class TestTemplateVersionState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions_data()
    {
        QTest::addColumn<Stage>("from");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("approver");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<Stage>("to");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("approve a draft")
            << Stage::Draft << u"approve"_s << u"Maria"_s << true << Stage::Approved << QString();
        QTest::newRow("approve without a name")
            << Stage::Draft << u"approve"_s << u"  "_s << false << Stage::Draft << u"approver"_s;
        QTest::newRow("approve twice") << Stage::Approved << u"approve"_s << u"Jo"_s << false
                                       << Stage::Approved << u"already approved by Maria"_s;
        QTest::newRow("approve a retired version")
            << Stage::Retired << u"approve"_s << u"Jo"_s << false << Stage::Retired
            << u"retired version cannot be approved"_s;
        QTest::newRow("retire an approved version")
            << Stage::Approved << u"retire"_s << QString() << true << Stage::Retired << QString();
        QTest::newRow("retire a draft") << Stage::Draft << u"retire"_s << QString() << false
                                        << Stage::Draft << u"draft cannot be retired"_s;
        QTest::newRow("retire twice") << Stage::Retired << u"retire"_s << QString() << false
                                      << Stage::Retired << u"already retired"_s;
    }

    void transitions()
    {
        QFETCH(Stage, from);
        QFETCH(QString, action);
        QFETCH(QString, approver);
        QFETCH(bool, allowed);
        QFETCH(Stage, to);
        QFETCH(QString, errorPart);

        const TemplateVersionState state = stateAt(from);
        const auto result =
            action == u"approve"_s ? state.approve(approver, approvedAt) : state.retire();
        QCOMPARE(result.ok(), allowed);
        if (allowed) {
            QCOMPARE(result.state->stage(), to);
            QVERIFY(result.error.isEmpty());
            // Approval is remembered through retirement.
            QCOMPARE(result.state->approvedAt(), approvedAt);
            QVERIFY(!result.state->approver().isEmpty());
        } else {
            QCOMPARE(state.stage(), to); // unchanged
            QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
        }
    }

    void approvalRecordsWhoAndWhen()
    {
        const auto result = TemplateVersionState().approve(u" Maria "_s, approvedAt);
        QVERIFY(result.ok());
        QCOMPARE(result.state->approver(), u"Maria"_s);
        QCOMPARE(result.state->approvedAt(), approvedAt);
        QVERIFY(result.state->isUsable());
        QVERIFY(!TemplateVersionState().isUsable());
        QVERIFY(!result.state->retire().state->isUsable());
        QVERIFY(!TemplateVersionState().approve(u"Maria"_s, QDateTime()).ok());
    }

    void editing_data()
    {
        QTest::addColumn<Stage>("stage");
        QTest::addColumn<bool>("newVersion");
        QTest::newRow("draft") << Stage::Draft << false;
        QTest::newRow("approved") << Stage::Approved << true;
        QTest::newRow("retired") << Stage::Retired << true;
    }

    void editing()
    {
        QFETCH(Stage, stage);
        QFETCH(bool, newVersion);
        QCOMPARE(stateAt(stage).edit() == TemplateVersionState::EditOutcome::NewDraftVersion,
                 newVersion);
    }

    void fromStored_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("approver");
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<bool>("ok");

        QTest::newRow("draft") << u"draft"_s << QString() << QDateTime() << true;
        QTest::newRow("approved") << u"approved"_s << u"Maria"_s << approvedAt << true;
        QTest::newRow("retired") << u"retired"_s << u"Maria"_s << approvedAt << true;
        QTest::newRow("approved without approver")
            << u"approved"_s << QString() << approvedAt << false;
        QTest::newRow("retired without time") << u"retired"_s << u"Maria"_s << QDateTime() << false;
        QTest::newRow("unknown state") << u"published"_s << QString() << QDateTime() << false;
    }

    void fromStored()
    {
        QFETCH(QString, state);
        QFETCH(QString, approver);
        QFETCH(QDateTime, at);
        QFETCH(bool, ok);
        const auto result = TemplateVersionState::fromStored(state, approver, at);
        QCOMPARE(result.ok(), ok);
        if (ok) {
            QCOMPARE(TemplateVersionState::toString(result.state->stage()), state);
            QCOMPARE(result.state->approver(), approver);
        } else {
            QVERIFY(!result.error.isEmpty());
        }
    }

    void namesRoundTrip()
    {
        for (const Stage stage : {Stage::Draft, Stage::Approved, Stage::Retired})
            QCOMPARE(TemplateVersionState::stageFromString(TemplateVersionState::toString(stage)),
                     stage);
        QVERIFY(!TemplateVersionState::stageFromString(u"Draft"_s));
    }
};

QTEST_GUILESS_MAIN(TestTemplateVersionState)
#include "tst_templateversionstate.moc"
