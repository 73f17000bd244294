// The Keywords screen driven through its widgets: create, start, pause, delete processes,
// the refusals (second Help, missing reply, bad custom keyword naming the character), the
// provider-answers setting, the country rules and templates as replies; Delete asks first and
// every change shows in the audit list.
#include "AuditLogView.h"
#include "AuditRows.h"
#include "ComplianceFixture.h"
#include "ConfirmationRuleRows.h"
#include "CountryPicker.h"
#include "KeywordCommands.h"
#include "KeywordsPage.h"
#include "SenderNumberRows.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTimer>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstKeywordsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void helpProcessLifecycle();
    void deleteAsksFirst_data();
    void deleteAsksFirst();
    void changesShowInTheAuditList();
    void secondHelpIsRefused();
    void customKeywordNamesTheBadCharacter();
    void providerSettingIsSaved();
    void countryRuleIsSaved();
    void countryIsPickedByName();
    void eachProblemOnceRealCauseFirst();
    void errorsDoNotMoveTheForm();
    void unansweredStopIsWarnedOnShortCodes();
    void unknownCountryIsRefused();
    void sharedShortCodeSaysHowCustomersText();
    void shortCodeMarkedSharedTakesProcesses();
    void templateFillsTheReply();
    void changesMadeElsewhereShow();
    void screenshot();

private:
    template<typename T>
    T *child(const QString &name) const
    {
        T *widget = m_page->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    void click(const QString &name) { QTest::mouseClick(child<QPushButton>(name), Qt::LeftButton); }
    // Clicks a button whose write goes through the writer, and waits for the page to show it.
    void clickAndWait(const QString &name)
    {
        QSignalSpy changed(m_page.get(), &KeywordsPage::changed);
        click(name);
        QVERIFY(changed.wait(10000));
    }
    // Answers the delete confirmation when it opens; `seen` tells whether it did.
    void answerDeleteConfirmation(QMessageBox::StandardButton answer, bool *seen);
    void newProcess(KeywordProcess::Type type, const QString &keywords, const QString &reply);
    void selectRow(int row);
    QString cell(int row, int column) const;
    QList<KeywordProcessRows::Row> stored() const;

    std::unique_ptr<ComplianceFixture> m_fx;
    std::unique_ptr<KeywordsPage> m_page;
    qint64 m_long = 0;
    qint64 m_shared = 0;
};

void TstKeywordsPage::init()
{
    m_fx = std::make_unique<ComplianceFixture>();
    QVERIFY(m_fx->open());
    m_long = m_fx->addNumber(m_fx->acme, u"+14155550100"_s, u"long_code"_s, u"Support line"_s, 1);
    m_shared = m_fx->addNumber(m_fx->acme, u"33733"_s, u"shared_short_code"_s, u"Promotions"_s, 100,
                               u"BLOOM"_s);
    QVERIFY(m_long && m_shared);
    const qint64 account = m_fx->acme;
    m_fx->writer->call([account](WriterContext &c) {
        QSqlQuery q = StoreTestUtil::exec(
            c.db(),
            u"INSERT INTO templates (account_id, name) VALUES (?, 'Help reply') RETURNING id"_s,
            {account});
        q.next();
        StoreTestUtil::exec(
            c.db(),
            u"INSERT INTO template_versions (template_id, version, body, state, "
            u"author, approver, approved_at) VALUES (?, 1, ?, 'approved', 'ana', "
            u"'bo', 1)"_s,
            {q.value(0), u"Bloom Florists: call 415-555-0100. Reply STOP to opt out."_s});
    });
    m_page =
        std::make_unique<KeywordsPage>(*m_fx->reader, m_fx->writer.get(), m_fx->acme, u"ana"_s);
    m_page->resize(1200, 760);
    m_page->show();
    QCOMPARE(m_page->currentNumberId(), m_long);
}

void TstKeywordsPage::cleanup()
{
    m_page.reset();
    m_fx.reset();
}

QString TstKeywordsPage::cell(int row, int column) const
{
    auto *table = child<QTableWidget>(u"keywordProcesses"_s);
    return table->item(row, column) ? table->item(row, column)->text() : QString();
}

QList<KeywordProcessRows::Row> TstKeywordsPage::stored() const
{
    return *KeywordProcessRows(m_fx->db()).listFor(m_fx->acme, m_page->currentNumberId());
}

void TstKeywordsPage::newProcess(KeywordProcess::Type type, const QString &keywords,
                                 const QString &reply)
{
    click(u"keywordNew"_s);
    auto *typeBox = child<QComboBox>(u"keywordType"_s);
    typeBox->setCurrentIndex(typeBox->findData(int(type)));
    auto *edit = child<QLineEdit>(u"keywordKeywords"_s);
    edit->clear();
    QTest::keyClicks(edit, keywords);
    auto *replyEdit = child<QPlainTextEdit>(u"keywordReply"_s);
    replyEdit->clear();
    QTest::keyClicks(replyEdit, reply);
    clickAndWait(u"keywordSave"_s);
}

void TstKeywordsPage::answerDeleteConfirmation(QMessageBox::StandardButton answer, bool *seen)
{
    // The box runs its own event loop: poll for it from a timer until it is up.
    auto *timer = new QTimer(m_page.get());
    timer->setInterval(10);
    connect(timer, &QTimer::timeout, timer, [timer, answer, seen] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(top);
            if (!box || box->objectName() != u"keywordDeleteConfirm"_s || !box->isVisible())
                continue;
            *seen = true;
            timer->stop();
            timer->deleteLater();
            box->button(answer)->click();
            return;
        }
    });
    timer->start();
}

void TstKeywordsPage::selectRow(int row)
{
    auto *table = child<QTableWidget>(u"keywordProcesses"_s);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualItemRect(table->item(row, 0)).center());
    QVERIFY2(m_page->selectedProcessId() > 0,
             qPrintable(u"row %1 of %2 at %3,%4 in %5 high"_s.arg(row)
                            .arg(table->rowCount())
                            .arg(table->visualItemRect(table->item(row, 0)).x())
                            .arg(table->visualItemRect(table->item(row, 0)).y())
                            .arg(table->viewport()->height())));
}

void TstKeywordsPage::helpProcessLifecycle()
{
    auto *table = child<QTableWidget>(u"keywordProcesses"_s);
    auto *error = child<QLabel>(u"keywordError"_s);
    // Help needs a reply: refused, nothing stored.
    newProcess(KeywordProcess::Type::Help, u"HELP, INFO"_s, QString());
    QTRY_VERIFY(!error->text().isEmpty());
    QVERIFY2(error->text().contains(u"reply"_s, Qt::CaseInsensitive), qPrintable(error->text()));
    QCOMPARE(table->rowCount(), 0);

    newProcess(KeywordProcess::Type::Help, u"HELP, INFO"_s, u"Call 415-555-0100."_s);
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(cell(0, 0), u"Help"_s);
    QCOMPARE(cell(0, 1), u"HELP, INFO"_s);
    QCOMPARE(cell(0, 2), u"New"_s);

    selectRow(0);
    clickAndWait(u"keywordStart"_s);
    QTRY_COMPARE(cell(0, 2), u"Started"_s);
    QCOMPARE(stored().first().process.status, KeywordProcess::Status::Started);

    // Edit while started applies at once.
    selectRow(0);
    auto *replyEdit = child<QPlainTextEdit>(u"keywordReply"_s);
    replyEdit->clear();
    QTest::keyClicks(replyEdit, u"Call us."_s);
    clickAndWait(u"keywordSave"_s);
    QTRY_COMPARE(cell(0, 3), u"Call us."_s);
    QCOMPARE(cell(0, 2), u"Started"_s);

    selectRow(0);
    clickAndWait(u"keywordPause"_s);
    QTRY_COMPARE(cell(0, 2), u"Paused"_s);
    selectRow(0);
    bool asked = false;
    answerDeleteConfirmation(QMessageBox::Yes, &asked);
    clickAndWait(u"keywordDelete"_s);
    QVERIFY(asked);
    QTRY_COMPARE(table->rowCount(), 0);
    QVERIFY(stored().isEmpty());
}

void TstKeywordsPage::deleteAsksFirst_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("deleted");
    QTest::newRow("confirmed") << QMessageBox::Yes << true;
    QTest::newRow("cancelled") << QMessageBox::Cancel << false;
}

void TstKeywordsPage::deleteAsksFirst()
{
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, deleted);
    newProcess(KeywordProcess::Type::AutoReply, u"PEONIES"_s, u"In season."_s);
    QTRY_COMPARE(stored().size(), 1);
    selectRow(0);
    bool asked = false;
    answerDeleteConfirmation(answer, &asked);
    QSignalSpy changed(m_page.get(), &KeywordsPage::changed);
    click(u"keywordDelete"_s);
    QVERIFY(asked);
    if (deleted)
        QVERIFY(changed.wait(10000));
    // A cancelled delete posts nothing: the writer has nothing of ours queued.
    m_fx->writer->call([](WriterContext &) {});
    QCoreApplication::processEvents();
    QCOMPARE(stored().isEmpty(), deleted);
    QCOMPARE(child<QTableWidget>(u"keywordProcesses"_s)->rowCount(), deleted ? 0 : 1);
}

void TstKeywordsPage::changesShowInTheAuditList()
{
    newProcess(KeywordProcess::Type::Help, u"HELP, INFO"_s, u"Call us."_s);
    QTRY_COMPARE(stored().size(), 1);
    selectRow(0);
    clickAndWait(u"keywordStart"_s);
    auto *audit = child<QWidget>(u"keywordAudit"_s)->findChild<QTableWidget *>(u"auditTable"_s);
    QVERIFY(audit);
    // What the page shows is what the audit log holds for processes, newest first.
    const auto entries = AuditRows(m_fx->db()).recentAbout(m_fx->acme, u"keyword_process"_s);
    QCOMPARE(entries.size(), 2);
    QTRY_COMPARE(audit->rowCount(), int(entries.size()));
    for (int r = 0; r < entries.size(); ++r) {
        QCOMPARE(audit->item(r, 1)->text(), entries.at(r).actor);
        QCOMPARE(audit->item(r, 2)->text(), AuditLogView::actionName(entries.at(r).action));
    }
    QCOMPARE(audit->item(0, 2)->text(), u"Started"_s);
    QCOMPARE(audit->item(1, 2)->text(), u"Created"_s);
    QCOMPARE(audit->item(0, 1)->text(), u"ana"_s);
    QCOMPARE(audit->item(1, 3)->text(),
             KeywordProcess::displayName(KeywordProcess::Type::Help) + u": HELP, INFO"_s);
    QVERIFY2(audit->item(1, 3)->toolTip().contains(u"status: new"_s),
             qPrintable(audit->item(1, 3)->toolTip()));
}

void TstKeywordsPage::secondHelpIsRefused()
{
    newProcess(KeywordProcess::Type::Help, u"HELP, INFO"_s, u"Call us."_s);
    QTRY_COMPARE(stored().size(), 1);
    newProcess(KeywordProcess::Type::Help, u"HELP, INFO, AIDE"_s, u"Again."_s);
    auto *error = child<QLabel>(u"keywordError"_s);
    QTRY_VERIFY(!error->text().isEmpty());
    QVERIFY2(error->text().contains(u"Help"_s), qPrintable(error->text()));
    QCOMPARE(stored().size(), 1);
}

void TstKeywordsPage::customKeywordNamesTheBadCharacter()
{
    click(u"keywordNew"_s);
    auto *typeBox = child<QComboBox>(u"keywordType"_s);
    typeBox->setCurrentIndex(typeBox->findData(int(KeywordProcess::Type::AutoReply)));
    auto *edit = child<QLineEdit>(u"keywordKeywords"_s);
    edit->clear();
    QTest::keyClicks(edit, u"PROMO1"_s);
    // Live, before saving.
    QVERIFY2(child<QLabel>(u"keywordError"_s)->text().contains(u"‘1’"_s),
             qPrintable(child<QLabel>(u"keywordError"_s)->text()));
    edit->clear();
    QTest::keyClicks(edit, u"PROMO"_s);
    QCOMPARE(child<QLabel>(u"keywordError"_s)->text(), QString());
}

void TstKeywordsPage::providerSettingIsSaved()
{
    auto *setting = child<QComboBox>(u"keywordProviderAnswers"_s);
    auto *note = child<QLabel>(u"keywordProviderNote"_s);
    QVERIFY(note->text().contains(u"sends no second reply"_s));
    setting->setCurrentIndex(setting->findData(0));
    Q_EMIT setting->activated(setting->currentIndex());
    QTRY_VERIFY(note->text().contains(u"SMS Desk sends the replies"_s));
    QCOMPARE(SenderNumberRows(m_fx->db()).find(m_fx->acme, m_long)->providerAnswersSetting,
             std::optional<bool>(false));
}

void TstKeywordsPage::countryRuleIsSaved()
{
    auto *country = child<CountryPicker>(u"keywordCountry"_s);
    QTest::keyClicks(country->lineEdit(), u"gb"_s);
    auto *rule = child<QComboBox>(u"keywordRule"_s);
    rule->setCurrentIndex(rule->findData(int(ConfirmationRule::Rule::Prohibited)));
    clickAndWait(u"keywordSetRule"_s);
    auto *table = child<QTableWidget>(u"keywordCountryRules"_s);
    const QString britain = CountryPicker::displayName(u"GB"_s);
    QVERIFY2(britain.endsWith(u" (GB)"_s) && britain.size() > 6, qPrintable(britain));
    QTRY_VERIFY(!table->findItems(britain, Qt::MatchExactly).isEmpty());
    const int row = table->findItems(britain, Qt::MatchExactly).first()->row();
    QCOMPARE(table->item(row, 1)->text(), u"Prohibited"_s);
    QCOMPARE(table->item(row, 2)->text(), u"This account"_s);
    QCOMPARE(ConfirmationRuleRows(m_fx->db()).load(m_fx->acme)->ruleFor(u"GB"),
             ConfirmationRule::Rule::Prohibited);
}

void TstKeywordsPage::countryIsPickedByName()
{
    // "Germany" used to be cut to two letters and saved as GE, Georgia.
    auto *country = child<CountryPicker>(u"keywordCountry"_s);
    QTest::keyClicks(country->lineEdit(), u"Germany"_s);
    auto *rule = child<QComboBox>(u"keywordRule"_s);
    rule->setCurrentIndex(rule->findData(int(ConfirmationRule::Rule::Prohibited)));
    clickAndWait(u"keywordSetRule"_s);
    auto *table = child<QTableWidget>(u"keywordCountryRules"_s);
    QTRY_VERIFY(!table->findItems(u"Germany (DE)"_s, Qt::MatchExactly).isEmpty());
    const auto rules = ConfirmationRuleRows(m_fx->db()).load(m_fx->acme);
    QVERIFY(rules->overrides().contains(u"DE"_s));
    QVERIFY(!rules->overrides().contains(u"GE"_s));
    QCOMPARE(rules->ruleFor(u"DE"), ConfirmationRule::Rule::Prohibited);
    // Every row names its country, not only the code.
    for (int r = 0; r < table->rowCount(); ++r)
        QVERIFY2(table->item(r, 0)->text().size() > 2, qPrintable(table->item(r, 0)->text()));
}

void TstKeywordsPage::eachProblemOnceRealCauseFirst()
{
    auto *table = child<QTableWidget>(u"keywordProcesses"_s);
    newProcess(KeywordProcess::Type::Unsubscribe,
               KeywordProcess::defaultKeywords(KeywordProcess::Type::Unsubscribe).join(u", "_s),
               u"You are unsubscribed."_s);
    QTRY_COMPARE(table->rowCount(), 1);
    // A second Unsubscribe process with its own keyword: the real cause is that the number
    // already has one; every missing default used to get its own sentence before that.
    newProcess(KeywordProcess::Type::Unsubscribe, u"REMOVE"_s, u"Removed."_s);
    const QString error = child<QLabel>(u"keywordError"_s)->text();
    const QStringList lines = error.split(u'\n');
    QVERIFY2(lines.first().contains(u"already has an Unsubscribe process"_s), qPrintable(error));
    QCOMPARE(error.count(u"must keep the default keyword"_s), 1);
    QCOMPARE(QSet<QString>(lines.cbegin(), lines.cend()).size(), lines.size());
    QVERIFY2(lines.size() <= 3, qPrintable(error));
    QCOMPARE(table->rowCount(), 1);
    if (const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_page->grab().save(QDir(dir).filePath(u"keywords-validation.png"_s)));
}

void TstKeywordsPage::errorsDoNotMoveTheForm()
{
    auto *save = child<QPushButton>(u"keywordSave"_s);
    auto *keywords = child<QLineEdit>(u"keywordKeywords"_s);
    const QPoint before = save->mapTo(m_page.get(), QPoint(0, 0));
    QTest::keyClicks(keywords, u"HELP, IN-FO"_s);
    QVERIFY(!child<QLabel>(u"keywordError"_s)->text().isEmpty());
    QCOMPARE(save->mapTo(m_page.get(), QPoint(0, 0)), before);
    newProcess(KeywordProcess::Type::Help, u"HELP"_s, QString());
    QVERIFY(!child<QLabel>(u"keywordError"_s)->text().isEmpty());
    QCOMPARE(save->mapTo(m_page.get(), QPoint(0, 0)), before);
    keywords->clear();
    QCOMPARE(save->mapTo(m_page.get(), QPoint(0, 0)), before);
}

void TstKeywordsPage::unansweredStopIsWarnedOnShortCodes()
{
    auto *warning = child<QLabel>(u"keywordStopWarning"_s);
    // A long code: the provider answers STOP by default, nothing to warn about.
    QVERIFY(warning->isHidden());
    auto *number = child<QComboBox>(u"keywordNumber"_s);
    number->setCurrentIndex(number->findData(m_shared));
    QVERIFY(!warning->isHidden());
    QVERIFY2(warning->text().contains(u"short code"_s), qPrintable(warning->text()));
    QVERIFY2(warning->text().contains(u"Unsubscribe"_s), qPrintable(warning->text()));
    QTest::keyClicks(child<CountryPicker>(u"keywordCountry"_s)->lineEdit(), u"Germ"_s);
    if (const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_page->grab().save(QDir(dir).filePath(u"keywords-stop-warning.png"_s)));
    newProcess(KeywordProcess::Type::Unsubscribe,
               KeywordProcess::defaultKeywords(KeywordProcess::Type::Unsubscribe).join(u", "_s),
               u"You are unsubscribed from Bloom promotions."_s);
    auto *table = child<QTableWidget>(u"keywordProcesses"_s);
    QTRY_COMPARE(table->rowCount(), 1);
    // Created but not started: still nobody answers STOP.
    QVERIFY(!warning->isHidden());
    selectRow(0);
    clickAndWait(u"keywordStart"_s);
    QTRY_VERIFY(warning->isHidden());
}

void TstKeywordsPage::unknownCountryIsRefused()
{
    auto *country = child<CountryPicker>(u"keywordCountry"_s);
    QTest::keyClicks(country->lineEdit(), u"Germny"_s);
    const auto before = ConfirmationRuleRows(m_fx->db()).load(m_fx->acme)->overrides();
    click(u"keywordSetRule"_s);
    const QString error = child<QLabel>(u"keywordRuleError"_s)->text();
    QVERIFY2(error.contains(u"“Germny” is not a country"_s), qPrintable(error));
    QCOMPARE(ConfirmationRuleRows(m_fx->db()).load(m_fx->acme)->overrides(), before);
    QCOMPARE(CountryPicker::codeFor(u"germany"_s), std::optional<QString>(u"DE"_s));
    QCOMPARE(CountryPicker::codeFor(u"Germany (DE)"_s), std::optional<QString>(u"DE"_s));
    QCOMPARE(CountryPicker::codeFor(u"ge"_s), std::optional<QString>(u"GE"_s));
    QCOMPARE(CountryPicker::codeFor(u"XX"_s), std::nullopt);
}

void TstKeywordsPage::sharedShortCodeSaysHowCustomersText()
{
    auto *number = child<QComboBox>(u"keywordNumber"_s);
    number->setCurrentIndex(number->findData(m_shared));
    QVERIFY(number->currentText().contains(u"33733 / BLOOM"_s));
    QVERIFY(child<QLabel>(u"keywordProviderNote"_s)->text().contains(u"“BLOOM STOP”"_s));
    newProcess(KeywordProcess::Type::Unsubscribe,
               KeywordProcess::defaultKeywords(KeywordProcess::Type::Unsubscribe).join(u", "_s),
               u"You are unsubscribed from Bloom promotions."_s);
    QTRY_COMPARE(stored().size(), 1);
    QCOMPARE(stored().first().process.providerKeyword, u"BLOOM"_s);
}

void TstKeywordsPage::shortCodeMarkedSharedTakesProcesses()
{
    // As the sandbox's 33733 arrives from number sync: a plain short code, until an admin
    // marks it shared on the Numbers screen (SenderNumberRows, as that screen saves it).
    const qint64 code =
        m_fx->addNumber(m_fx->acme, u"44744"_s, u"short_code"_s, u"Desk code"_s, 100);
    const qint64 account = m_fx->acme;
    QVERIFY(m_fx->writer->call([&](WriterContext &c) {
        return SenderNumberRows(c.db()).setSharedShortCode(account, code, u"DESK"_s, u"ana"_s);
    }));
    m_page->reload();
    auto *number = child<QComboBox>(u"keywordNumber"_s);
    number->setCurrentIndex(number->findData(code));
    QVERIFY2(number->currentText().contains(u"44744 / DESK"_s), qPrintable(number->currentText()));
    QVERIFY(child<QLabel>(u"keywordProviderNote"_s)->text().contains(u"“DESK STOP”"_s));
    newProcess(KeywordProcess::Type::Unsubscribe,
               KeywordProcess::defaultKeywords(KeywordProcess::Type::Unsubscribe).join(u", "_s),
               u"You are unsubscribed."_s);
    QTRY_COMPARE(stored().size(), 1);
    QCOMPARE(stored().first().process.providerKeyword, u"DESK"_s);
    QCOMPARE(stored().first().senderNumberId, code);
}

void TstKeywordsPage::templateFillsTheReply()
{
    click(u"keywordNew"_s);
    auto *templates = child<QComboBox>(u"keywordTemplate"_s);
    const int index = templates->findText(u"Help reply"_s);
    QVERIFY(index > 0);
    templates->setCurrentIndex(index);
    Q_EMIT templates->activated(index);
    QVERIFY(
        child<QPlainTextEdit>(u"keywordReply"_s)->toPlainText().startsWith(u"Bloom Florists"_s));
}

void TstKeywordsPage::screenshot()
{
    using T = KeywordProcess::Type;
    // The shared short code with its provider keyword: the case the screen must make clear.
    auto *number = child<QComboBox>(u"keywordNumber"_s);
    number->setCurrentIndex(number->findData(m_shared));
    newProcess(T::Unsubscribe, KeywordProcess::defaultKeywords(T::Unsubscribe).join(u", "_s),
               u"Bloom Florists: you are unsubscribed. Reply START to resubscribe."_s);
    QTRY_COMPARE(stored().size(), 1);
    newProcess(T::Help, u"HELP, INFO"_s, u"Bloom Florists: call 415-555-0100."_s);
    QTRY_COMPARE(stored().size(), 2);
    newProcess(T::Subscribe, u"START, YES, UNSTOP, JOIN"_s, u"Welcome back to Bloom Florists!"_s);
    QTRY_COMPARE(stored().size(), 3);
    newProcess(T::AutoReply, u"PEONIES"_s, u"Peonies are in season: 20% off this week."_s);
    QTRY_COMPARE(stored().size(), 4);
    for (int row = 0; row < 3; ++row) {
        selectRow(row);
        clickAndWait(u"keywordStart"_s);
        QTRY_COMPARE(cell(row, 2), u"Started"_s);
    }
    selectRow(3);
    QTest::qWait(50);
    const QPixmap shot = m_page->grab();
    QVERIFY(!shot.isNull());
    // Written only on request: SMSDESK_SCREENSHOT_DIR=docs/screenshots refreshes the docs.
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(dir + u"/keywords.png"_s));
    }
}

void TstKeywordsPage::changesMadeElsewhereShow()
{
    // A change the page did not make (another screen, the CLI's commands) reaches it through
    // the writer's change feed: table and audit list follow, nobody tells the page.
    KeywordCommands elsewhere(m_fx->writer.get(), m_fx->acme, u"bo"_s);
    KeywordProcessRows::Row row;
    row.senderNumberId = m_long;
    row.process.type = KeywordProcess::Type::AutoReply;
    row.process.keywords = {u"HOURS"_s};
    row.reply = u"Open 9 to 5."_s;
    bool answered = false;
    elsewhere.save(row, [&](const CommandResult &result) {
        QVERIFY2(result.ok, qPrintable(result.error));
        answered = true;
    });
    QTRY_VERIFY(answered);
    // The feed delivered before the answer: the page shows it already.
    auto *table = child<QTableWidget>(u"keywordProcesses"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(cell(0, 1), u"HOURS"_s);
    auto *audit = m_page->findChild<AuditLogView *>(u"keywordAudit"_s)->findChild<QTableWidget *>();
    QVERIFY(audit->rowCount() >= 1);
    QCOMPARE(audit->item(0, 1)->text(), u"bo"_s);
}

QTEST_MAIN(TstKeywordsPage)
#include "tst_keywordspage.moc"
