// Presence between two desktops of one team (two DeskSessions in one process, one sandbox
// process at real speed): each sees the other online, which thread it views and when its
// agent types; an item carries its time to live; a desk that stops is gone for the other.
#include "AccountConfig.h"
#include "PresenceBoard.h"
#include "TeamDesksFixture.h"
#include "TeamLog.h"
#include "TwilioClient.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

bool sees(PresenceBoard *board, const QString &name)
{
    for (const PresenceBoard::Entry &entry : board->others()) {
        if (entry.agentName == name)
            return true;
    }
    return false;
}

// Who is in the thread as `board` sees it: "Ana" viewing, "Ana*" typing.
QStringList inThread(PresenceBoard *board, const QString &key)
{
    QStringList names;
    for (const PresenceBoard::Entry &entry : board->inThread(key))
        names.append(entry.agentName + (entry.typing ? u"*"_s : QString()));
    return names;
}

} // namespace

class TstPresence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void largeTeamsWaitLonger();
    void eachSeesTheOtherOnline();
    void viewingAndTypingReachTheOther();
    void typingStopsWhenTheAgentPauses();
    void itemsCarryTheirTimeToLive();
    void aFailingProviderQuietsTheBoard();
    void aStoppedDeskIsGone();

private:
    void shorten(DeskSession *session);

    TeamDesksFixture m_team;
    std::unique_ptr<DeskSession> m_ana;
    std::unique_ptr<DeskSession> m_sam;
    const QString m_thread =
        PresenceBoard::threadKey(TeamDesksFixture::Customer, TeamDesksFixture::Support);
};

void TstPresence::shorten(DeskSession *session)
{
    session->teamLog()->setBasePeriod(200ms);
    session->presence()->setMinPollGap(100ms);
    session->presence()->setMinWriteGap(100ms);
    session->teamLog()->syncNow();
}

void TstPresence::initTestCase()
{
    QVERIFY2(m_team.start({u"Ana"_s, u"Sam"_s}), qPrintable(m_team.error));
    m_ana = m_team.open(0);
    QVERIFY2(m_ana, qPrintable(m_team.error));
    m_sam = m_team.open(1);
    QVERIFY2(m_sam, qPrintable(m_team.error));
    shorten(m_ana.get());
    shorten(m_sam.get());
}

void TstPresence::cleanupTestCase()
{
    m_ana.reset();
    m_sam.reset();
    m_team.sandbox.stop();
}

void TstPresence::largeTeamsWaitLonger()
{
    QCOMPARE(PresenceBoard::gapFor(2, 1000ms), 1000ms);
    QCOMPARE(PresenceBoard::gapFor(15, 1000ms), 1000ms);
    QCOMPARE(PresenceBoard::gapFor(30, 1000ms), 2000ms);
    QCOMPARE(PresenceBoard::gapFor(150, 1000ms), 10000ms);
}

void TstPresence::eachSeesTheOtherOnline()
{
    PresenceBoard *ana = m_ana->presence();
    PresenceBoard *sam = m_sam->presence();
    QTRY_VERIFY_WITH_TIMEOUT(sees(ana, u"Sam"_s), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(sees(sam, u"Ana"_s), 20000);
    // Never itself.
    for (const PresenceBoard::Entry &entry : ana->others())
        QVERIFY(entry.deskId != ana->deskId());
    QCOMPARE(ana->others().size(), 1);
}

void TstPresence::viewingAndTypingReachTheOther()
{
    PresenceBoard *ana = m_ana->presence();
    PresenceBoard *sam = m_sam->presence();
    ana->setTypingIdle(60s); // this test stops typing itself
    ana->setViewing(m_thread);
    QTRY_COMPARE_WITH_TIMEOUT(inThread(sam, m_thread), QStringList{u"Ana"_s}, 20000);
    ana->noteTyping();
    QTRY_COMPARE_WITH_TIMEOUT(inThread(sam, m_thread), QStringList{u"Ana*"_s}, 20000);
    ana->stopTyping();
    QTRY_COMPARE_WITH_TIMEOUT(inThread(sam, m_thread), QStringList{u"Ana"_s}, 20000);
    // Another thread: no longer in this one.
    ana->setViewing(PresenceBoard::threadKey(u"+14155559999"_s, TeamDesksFixture::Support));
    QTRY_VERIFY_WITH_TIMEOUT(inThread(sam, m_thread).isEmpty(), 20000);
    QVERIFY(sees(sam, u"Ana"_s));
}

void TstPresence::typingStopsWhenTheAgentPauses()
{
    PresenceBoard *ana = m_ana->presence();
    PresenceBoard *sam = m_sam->presence();
    ana->setTypingIdle(300ms);
    ana->setViewing(m_thread);
    QSignalSpy written(ana, &PresenceBoard::written);
    ana->noteTyping();
    // Typing was written, then (after the pause, no keystroke) not typing.
    QTRY_VERIFY_WITH_TIMEOUT(written.size() >= 2, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(inThread(sam, m_thread), QStringList{u"Ana"_s}, 20000);
}

void TstPresence::itemsCarryTheirTimeToLive()
{
    // Read Ana's item as any client would: it expires ItemTtlSeconds after its last write.
    QNetworkAccessManager network;
    TwilioClient client(
        &network,
        AccountConfig::forSingleBaseUrl(u"Team"_s, m_team.sandbox.sid, m_team.sandbox.url),
        m_team.sandbox.token);
    QString serviceSid;
    client.findOrCreateSyncService(u"smsdesk"_s, this,
                                   [&](const ProviderResult<SyncService> &service) {
                                       if (service.ok())
                                           serviceSid = service.value().sid;
                                   });
    QTRY_VERIFY_WITH_TIMEOUT(!serviceSid.isEmpty(), 10000);
    std::optional<ProviderResult<SyncMapItem>> item;
    client.fetchMapItem(serviceSid, PresenceBoard::MapName, m_ana->presence()->deskId(), this,
                        [&](const ProviderResult<SyncMapItem> &result) { item = result; });
    QTRY_VERIFY_WITH_TIMEOUT(item.has_value(), 10000);
    if (!item->ok())
        QFAIL(qPrintable(item->error().message()));
    const SyncMapItem &ana = item->value();
    QCOMPARE(ana.data.value("name"_L1).toString(), u"Ana"_s);
    QVERIFY(ana.dateExpires.isValid());
    const qint64 ttl = ana.dateUpdated.secsTo(ana.dateExpires);
    QVERIFY2(ttl >= PresenceBoard::ItemTtlSeconds - 1 && ttl <= PresenceBoard::ItemTtlSeconds + 1,
             qPrintable(QString::number(ttl)));
}

void TstPresence::aFailingProviderQuietsTheBoard()
{
    PresenceBoard *sam = m_sam->presence();
    QSignalSpy viewed(sam, &PresenceBoard::written);
    sam->setViewing(m_thread);
    QTRY_VERIFY_WITH_TIMEOUT(!viewed.isEmpty(), 20000);
    QSignalSpy failed(sam, &PresenceBoard::failed);
    QVERIFY(m_team.sandbox.setFaults({{u"Rate503"_s, u"1"_s}}));
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 20000); // the next read fails
    // Backing off: asked again and again, it sends nothing (nothing else fails).
    const qsizetype failures = failed.size();
    for (int i = 0; i < 5; ++i) {
        sam->poll();
        sam->noteTyping();
        QTest::qWait(50);
    }
    QCOMPARE(failed.size(), failures);
    // The provider is back: so is presence, once the quiet time is over.
    QVERIFY(m_team.sandbox.setFaults({}));
    // The typing noted while quiet is written when the quiet time ends, not at the next beat.
    QSignalSpy written(sam, &PresenceBoard::written);
    QTRY_VERIFY_WITH_TIMEOUT(!written.isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(sees(sam, u"Ana"_s), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(inThread(m_ana->presence(), m_thread), QStringList{u"Sam*"_s}, 20000);
    sam->stopTyping();
}

void TstPresence::aStoppedDeskIsGone()
{
    PresenceBoard *sam = m_sam->presence();
    QVERIFY(sees(sam, u"Ana"_s));
    m_ana->presence()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!sees(sam, u"Ana"_s), 20000);
}

QTEST_GUILESS_MAIN(TstPresence)
#include "tst_presence.moc"
