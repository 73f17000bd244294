// The campaign view counts texts the provider holds until their time (SendAt) honestly: the
// state line says how many are scheduled at the provider, and the cancel question says they
// will be canceled there.
#include "CampaignProgressView.h"

#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;

class TstCampaignProgressView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textsHeldByTheProviderAreShown();
};

void TstCampaignProgressView::textsHeldByTheProviderAreShown()
{
    CampaignRows::Summary s;
    s.id = 7;
    s.name = u"Friday sale"_s;
    s.state = CampaignState::State::Running;
    s.total = 10;
    s.pending = 4;
    s.sent = 6;
    s.atProvider = 5;
    CampaignProgressView view;
    view.display(s, {});
    const auto *state = view.findChild<QLabel *>(u"campaignState"_s);
    QVERIFY(state);
    QVERIFY2(state->text().contains(u"5 scheduled at the provider"_s), qPrintable(state->text()));
    const QString question = CampaignProgressView::cancelQuestion(s);
    QVERIFY2(question.contains(u"5 of the sent are scheduled at the provider and will be canceled "
                               "there"_s),
             qPrintable(question));

    s.atProvider = 0;
    view.display(s, {});
    QVERIFY(!state->text().contains(u"at the provider"_s));
    QVERIFY(!CampaignProgressView::cancelQuestion(s).contains(u"at the provider"_s));
}

QTEST_MAIN(TstCampaignProgressView)
#include "tst_campaignprogressview.moc"
