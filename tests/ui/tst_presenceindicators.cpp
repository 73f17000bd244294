// What the presence indicators say, without a team: the header's line, the list's marker
// (through the delegate's lookup), the status bar's team line, and the header's thread key.
#include "ConversationHeader.h"
#include "PresenceIndicators.h"
#include "SyncStatusWidget.h"
#include "ThreadListDelegate.h"
#include "ThreadListModel.h"

#include <QLabel>
#include <QStandardItemModel>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstPresenceIndicators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerLine()
    {
        QCOMPARE(ConversationHeader::presenceText({}, {}), QString());
        QCOMPARE(ConversationHeader::presenceText({u"Sam"_s}, {}), u"Sam is replying\u2026"_s);
        QCOMPARE(ConversationHeader::presenceText({}, {u"Sam"_s}), u"Sam is viewing"_s);
        QCOMPARE(ConversationHeader::presenceText({}, {u"Lee"_s, u"Sam"_s}),
                 u"Lee and Sam are viewing"_s);
        QCOMPARE(ConversationHeader::presenceText({u"Ana"_s}, {u"Lee"_s, u"Sam"_s, u"Kim"_s}),
                 u"Ana is replying\u2026 \u00b7 Lee, Sam and Kim are viewing"_s);
    }

    void headerFollowsItsThread()
    {
        ConversationHeader header;
        QSignalSpy keys(&header, &ConversationHeader::threadKeyChanged);
        ConversationQuery::Header h;
        h.customerNumber = u"+14155552671"_s;
        h.senderNumber = u"+14155550100"_s;
        header.setHeader(h);
        QCOMPARE(header.threadKey(), u"+14155552671|+14155550100"_s);
        header.setPresence({u"Sam"_s}, {});
        QCOMPARE(header.presenceLine(), u"Sam is replying\u2026"_s);
        header.setHeader(h); // the same thread again (a reload): no new key, the line stays
        QCOMPARE(keys.size(), 1);
        QCOMPARE(header.presenceLine(), u"Sam is replying\u2026"_s);
        h.senderNumber = u"+14155550111"_s; // another thread: its teammates are not known yet
        header.setHeader(h);
        QCOMPARE(keys.size(), 2);
        QCOMPARE(header.presenceLine(), QString());
        header.clear();
        QCOMPARE(header.threadKey(), QString());
        QCOMPARE(keys.size(), 3);
    }

    void rowMarker()
    {
        QCOMPARE(PresenceIndicators::rowMarker({}, {}), QString());
        QCOMPARE(PresenceIndicators::rowMarker({}, {u"Sam"_s}), u"Sam"_s);
        QCOMPARE(PresenceIndicators::rowMarker({u"Ana"_s}, {u"Sam"_s}), u"\u270e Ana"_s);
    }

    void listRowShowsWhoIsInTheThread()
    {
        QStandardItemModel model;
        auto *item = new QStandardItem(u"Maria"_s);
        item->setData(u"+14155552671"_s, ThreadListModel::CustomerNumberRole);
        item->setData(u"+14155550100"_s, ThreadListModel::SenderNumberRole);
        model.appendRow(item);
        ThreadListDelegate delegate;
        const auto presence = [&] {
            for (const ThreadListDelegate::Pill &pill : delegate.pills(model.index(0, 0)))
                if (pill.kind == ThreadListDelegate::Pill::Kind::Presence)
                    return pill.text;
            return QString();
        };
        QCOMPARE(presence(), QString()); // no lookup: no team
        QString asked;
        delegate.setPresenceLookup([&](const QString &key) {
            asked = key;
            return key == u"+14155552671|+14155550100" ? u"\u270e Sam"_s : QString();
        });
        QCOMPARE(presence(), u"\u270e Sam"_s);
        QCOMPARE(asked, u"+14155552671|+14155550100"_s);
    }

    void statusBarTeamLine()
    {
        SyncStatusWidget status;
        status.show();
        QVERIFY(!status.teamLabel()->isVisible());
        status.setTeamOnline({u"Lee"_s, u"Sam"_s});
        QCOMPARE(status.teamLabel()->text(), u"Online: Lee, Sam"_s);
        QVERIFY(status.teamLabel()->isVisible());
        status.setTeamOnline({});
        QVERIFY(!status.teamLabel()->isVisible());
    }
};

QTEST_MAIN(TstPresenceIndicators)
#include "tst_presenceindicators.moc"
