// Rough edges a new user sees, through the whole window over a real profile: the Go menu's
// "Numbers & Keywords" keeps its ampersand, line types read alike ("Landline" like "Mobile"),
// an empty conversation header shows no empty badge, a shared short code's previews leave out
// our provider keyword, and money in Reports always carries its currency.
#include "ConversationHeader.h"
#include "LineTypeText.h"
#include "MainWindow.h"
#include "NavigationRail.h"
#include "ReportsPage.h"
#include "ShellFixture.h"
#include "StoreReader.h"
#include "ThreadListModel.h"

#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>

using namespace Qt::StringLiterals;
using F = ThreadFixture;

namespace {
const QString Ana = u"+14155552001"_s;
const QString Ben = u"+14155552002"_s;
const QDateTime Start(QDate(2026, 10, 1), QTime(9, 0), Qt::UTC);
} // namespace

class TstCosmetics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goMenuShowsTitlesAsWritten();
    void lineTypesReadAlike();
    void emptyHeaderShowsNoBadge();
    void previewsLeaveOutTheProviderKeyword();
    void moneyCarriesItsCurrency();
};

void TstCosmetics::goMenuShowsTitlesAsWritten()
{
    MainWindow window;
    QMenu *go = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() == u"&Go"_s)
            go = menu->menu();
    }
    QVERIFY(go);
    const QList<QAction *> entries = go->actions();
    QCOMPARE(entries.size(), int(NavigationRail::PageCount));
    for (int i = 0; i < NavigationRail::PageCount; ++i) {
        // What the menu draws: "&&" is a literal "&", a single "&" marks (and hides) a mnemonic.
        QString shown = entries[i]->text();
        QVERIFY2(!shown.remove(u"&&"_s).contains(u'&'), qPrintable(entries[i]->text()));
        QCOMPARE(entries[i]->text().replace(u"&&"_s, u"&"_s),
                 NavigationRail::title(NavigationRail::Page(i)));
    }
}

void TstCosmetics::lineTypesReadAlike()
{
    QCOMPARE(LineTypeText::display(u"landline"_s), u"Landline"_s);
    QCOMPARE(LineTypeText::display(u"mobile"_s), u"Mobile"_s);
    QCOMPARE(LineTypeText::display(u"nonFixedVoip"_s), u"VoIP"_s);
    QCOMPARE(LineTypeText::display(u"tollFree"_s), u"Toll-free"_s);
    QCOMPARE(LineTypeText::display(u"satellite"_s), u"Satellite"_s);
    QCOMPARE(LineTypeText::display({}), QString());

    ConversationHeader header;
    ConversationQuery::Header h;
    h.customerNumber = Ana;
    h.customerDisplay = u"+1 415-555-2001"_s;
    h.textEnabled = u"no"_s;
    h.lineType = u"landline"_s;
    header.setHeader(h);
    auto *badge = header.findChild<QLabel *>(u"conversationTextEnabled"_s);
    QVERIFY(badge);
    QVERIFY2(badge->text().startsWith(u"Landline"_s), qPrintable(badge->text()));
}

void TstCosmetics::emptyHeaderShowsNoBadge()
{
    ConversationHeader header;
    header.show();
    auto *badge = header.findChild<QLabel *>(u"conversationTextEnabled"_s);
    ConversationQuery::Header h;
    h.customerDisplay = u"+1 415-555-2001"_s;
    h.textEnabled = u"yes"_s;
    header.setHeader(h);
    QVERIFY(badge->isVisible());
    header.clear();
    QVERIFY(badge->isHidden());
}

void TstCosmetics::previewsLeaveOutTheProviderKeyword()
{
    ShellFixture shell;
    QVERIFY(shell.open());
    // Sales becomes a shared short code answering to DESK: customers write "DESK …" to it.
    QVERIFY(shell.fx()
                .exec(u"UPDATE sender_numbers SET kind = 'shared_short_code', "
                      u"provider_keyword = 'DESK' WHERE number = ?"_s,
                      {F::Sales})
                .isActive());
    QVERIFY(shell.fx().upsert(F::AccountA,
                              {F::message(Ben, F::Sales, u"DESK Is my order ready?"_s, Start),
                               F::message(Ana, F::Support, u"DESK is a word here"_s, Start)}));
    QVERIFY(shell.start());
    ThreadListModel *threads = shell.shell()->threads();
    QTRY_COMPARE(threads->rowCount(), 2);
    QStringList previews;
    for (int row = 0; row < threads->rowCount(); ++row)
        previews << threads->index(row).data(ThreadListModel::PreviewRole).toString();
    previews.sort();
    // On the shared code the keyword goes; on a number of our own the text stays as written.
    QCOMPARE(previews, QStringList({u"DESK is a word here"_s, u"Is my order ready?"_s}));
}

void TstCosmetics::moneyCarriesItsCurrency()
{
    ThreadFixture fx;
    QVERIFY(fx.open());
    // Texts without a price: no number has a price unit of its own.
    QVERIFY(fx.upsert(F::AccountA,
                      {F::message(Ana, F::Support, u"Thanks"_s,
                                  QDateTime::currentDateTimeUtc().addSecs(-3600), false)}));
    StoreReader reader(fx.db().databaseName());
    QVERIFY(reader.open());
    ReportsPage page(reader, F::AccountA);
    QSignalSpy shown(&page, &ReportsPage::reportShown);
    page.reload();
    QVERIFY(shown.wait(10000));
    const QRegularExpression money(u"^\\d+[.,]\\d\\d [A-Z]{3}$"_s);
    auto *summary = page.findChild<QLabel *>(u"reportSummary"_s);
    QVERIFY2(summary->text().contains(u"0.00 USD"_s), qPrintable(summary->text()));
    auto *numbers = page.findChild<QTableWidget *>(u"reportNumbers"_s);
    QVERIFY(numbers);
    QVERIFY(numbers->rowCount() > 0);
    const int costColumn = numbers->columnCount() - 1;
    QCOMPARE(numbers->horizontalHeaderItem(costColumn)->text(), u"Cost"_s);
    for (int row = 0; row < numbers->rowCount(); ++row) {
        const QString cost = numbers->item(row, costColumn)->text();
        QVERIFY2(money.match(cost).hasMatch(), qPrintable(cost));
    }
}

SHELL_TEST_MAIN(TstCosmetics)
#include "tst_cosmetics.moc"
