// The audit log as admins read it: changes made through the store classes appear newest
// first with who and what, only the account's own, filtered by category, read in pages.
#include "AuditLogModel.h"
#include "AuditLogPage.h"
#include "AuditRows.h"
#include "AuditText.h"
#include "ComplianceFixture.h"
#include "ManualConsent.h"
#include "SenderNumberRows.h"
#include "StoreTestUtil.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QTableView>
#include <QtTest>

using namespace Qt::StringLiterals;

class TstAuditLogPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changesAppearNewestFirstWithWhoAndWhat();
    void otherAccountsChangesAreNotShown();
    void categoryFilterKeepsOnlyThatKind();
    void longLogIsReadInPages();
    void actionNames_data();
    void actionNames();
    void showingThePageReadsNewChanges();
    void threadsCampaignsAndTimesReadAsPeopleSayThem();
    void screenshot();

private:
    QStringList column(int column) const;
    void unsubscribeByHand(const QString &customer, const QString &reason);

    std::unique_ptr<ComplianceFixture> m_fx;
    qint64 m_support = 0;
    std::unique_ptr<AuditLogPage> m_page;
    AuditLogModel *m_model = nullptr;
};

void TstAuditLogPage::init()
{
    m_fx = std::make_unique<ComplianceFixture>();
    QVERIFY(m_fx->open());
    m_support =
        m_fx->addNumber(m_fx->acme, u"+14155550100"_s, u"long_code"_s, u"Support line"_s, 1);
    QVERIFY(m_support > 0);
    const qint64 support = m_support;
    const qint64 acme = m_fx->acme;
    QVERIFY(m_fx->writer->call([=](WriterContext &c) {
        return SenderNumberRows(c.db()).setDetails(acme, support, u"Help desk"_s, 2.0, 500,
                                                   u"ana"_s);
    }));
    unsubscribeByHand(u"+14155550123"_s, u"asked on the phone"_s);
    m_page = std::make_unique<AuditLogPage>(*m_fx->reader, m_fx->acme);
    m_page->resize(1000, 420);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    // The model's own tester runs in longLogIsReadInPages, without a view: the view fetches
    // more from its modelReset slot, before a tester connected later has seen the reset.
    m_model = m_page->model();
}

void TstAuditLogPage::cleanup()
{
    m_page.reset();
    m_fx.reset();
}

QStringList TstAuditLogPage::column(int column) const
{
    QStringList values;
    for (int row = 0; row < m_model->rowCount(); ++row)
        values.append(m_model->index(row, column).data().toString());
    return values;
}

void TstAuditLogPage::unsubscribeByHand(const QString &customer, const QString &reason)
{
    ConsentEvent event;
    event.contactNumber = customer;
    event.kind = ConsentEvent::Kind::OptOut;
    event.source = ConsentEvent::Source::Agent;
    event.detail = reason;
    event.actor = u"ben"_s;
    event.occurredAt = QDateTime::currentDateTimeUtc();
    const qint64 acme = m_fx->acme;
    QVERIFY(m_fx->writer->call(
        [=](WriterContext &c) { return ManualConsent(c.db()).record(acme, event).has_value(); }));
}

void TstAuditLogPage::changesAppearNewestFirstWithWhoAndWhat()
{
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(column(AuditLogModel::WhoColumn), (QStringList{u"ben"_s, u"ana"_s}));
    QCOMPARE(column(AuditLogModel::ChangeColumn),
             (QStringList{AuditText::action(u"consent.opt_out"_s),
                          AuditText::action(u"sender_number.edit"_s)}));
    // The number is named by what it is, the customer by their number.
    QCOMPARE(column(AuditLogModel::SubjectColumn),
             (QStringList{u"+14155550123"_s, u"+14155550100"_s}));
    QVERIFY(m_model->index(0, AuditLogModel::DetailsColumn)
                .data()
                .toString()
                .contains(u"asked on the phone"_s));
    // Each changed value is named by what it is, not by its position.
    const QString edit = m_model->index(1, AuditLogModel::DetailsColumn).data().toString();
    QVERIFY2(edit.contains(u"label: Help desk"_s), qPrintable(edit));
    QVERIFY2(edit.contains(u"daily cap: 500"_s), qPrintable(edit));
    const QDateTime newest = m_model->index(0, 0).data(AuditLogModel::OccurredAtRole).toDateTime();
    const QDateTime older = m_model->index(1, 0).data(AuditLogModel::OccurredAtRole).toDateTime();
    QVERIFY(newest >= older);
}

void TstAuditLogPage::otherAccountsChangesAreNotShown()
{
    const qint64 theirs =
        m_fx->addNumber(m_fx->other, u"+14155550199"_s, u"long_code"_s, u"Reception"_s, 1);
    const qint64 other = m_fx->other;
    QVERIFY(m_fx->writer->call([=](WriterContext &c) {
        return SenderNumberRows(c.db()).setDetails(other, theirs, u"Front desk"_s, 1.0,
                                                   std::nullopt, u"zoe"_s);
    }));
    m_page->reload();
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(!column(AuditLogModel::WhoColumn).contains(u"zoe"_s));
    QVERIFY(!column(AuditLogModel::SubjectColumn).contains(u"+14155550199"_s));

    AuditLogModel theirLog(m_fx->db(), m_fx->other);
    QCOMPARE(theirLog.rowCount(), 1);
    QCOMPARE(theirLog.index(0, AuditLogModel::WhoColumn).data().toString(), u"zoe"_s);
}

void TstAuditLogPage::categoryFilterKeepsOnlyThatKind()
{
    auto *category = m_page->findChild<QComboBox *>(u"auditCategory"_s);
    QVERIFY(category);
    category->setCurrentIndex(category->findData(u"consent"_s));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(AuditLogModel::ActionRole).toString(), u"consent.opt_out"_s);
    category->setCurrentIndex(category->findData(u"sender_number"_s));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->index(0, 0).data(AuditLogModel::ActionRole).toString(),
             u"sender_number.edit"_s);
    category->setCurrentIndex(category->findData(u"keyword_process"_s));
    QCOMPARE(m_model->rowCount(), 0);
    category->setCurrentIndex(category->findData(QString()));
    QCOMPARE(m_model->rowCount(), 2);
}

void TstAuditLogPage::longLogIsReadInPages()
{
    const int extra = AuditLogModel::PageSize * 2 + 7;
    const qint64 acme = m_fx->acme;
    const qint64 support = m_support;
    QVERIFY(m_fx->writer->call([=](WriterContext &c) {
        AuditRows rows(c.db());
        for (int i = 0; i < extra; ++i) {
            if (!rows.append(acme, u"ana"_s, u"sender_number.edit"_s, u"sender_number"_s, support,
                             {{u"label"_s, u"Label %1"_s.arg(i)}}))
                return false;
        }
        return true;
    }));
    // A model without a view: a view fetches more on its own as it fills its viewport.
    AuditLogModel model(m_fx->db(), m_fx->acme);
    QCOMPARE(model.rowCount(), AuditLogModel::PageSize);
    // The tester itself fetches one more page while it checks the model.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), extra + 2);
    // Keyset pages neither repeat nor skip an entry: every label appears once.
    QStringList details;
    for (int row = 0; row < model.rowCount(); ++row)
        details.append(model.index(row, AuditLogModel::DetailsColumn).data().toString());
    for (int i = 0; i < extra; ++i)
        QCOMPARE(details.count(u"label: Label %1"_s.arg(i)), 1);
}

void TstAuditLogPage::actionNames_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("named");
    QTest::newRow("created") << u"keyword_process.create"_s << true;
    QTest::newRow("deleted") << u"keyword_process.delete"_s << true;
    QTest::newRow("lent") << u"sender_number.share"_s << true;
    QTest::newRow("rule") << u"confirmation_rule.set"_s << true;
    QTest::newRow("re-subscribed") << u"consent.opt_in"_s << true;
    QTest::newRow("thread") << u"thread.resolve"_s << true;
    QTest::newRow("campaign") << u"campaign.canceled"_s << true;
    QTest::newRow("unknown still reads as words") << u"future.thing"_s << true;
}

void TstAuditLogPage::actionNames()
{
    QFETCH(QString, action);
    QFETCH(bool, named);
    const QString text = AuditText::action(action);
    QCOMPARE(text != action, named);
    QVERIFY(!text.isEmpty());
    // Never a stored key: no dots or underscores, a capital first letter.
    QVERIFY2(!text.contains(u'.') && !text.contains(u'_') && text.at(0).isUpper(),
             qPrintable(text));
    QCOMPARE(AuditText::category(action), action.section(u'.', 0, 0));
}

void TstAuditLogPage::showingThePageReadsNewChanges()
{
    m_page->hide();
    unsubscribeByHand(u"+14155550124"_s, u"wrote to support"_s);
    QCOMPARE(m_model->rowCount(), 2);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->index(0, AuditLogModel::SubjectColumn).data().toString(), u"+14155550124"_s);
}

void TstAuditLogPage::threadsCampaignsAndTimesReadAsPeopleSayThem()
{
    const qint64 acme = m_fx->acme;
    const qint64 support = m_support;
    const qint64 finishMs = QDateTime(QDate(2026, 3, 14), QTime(15, 30)).toMSecsSinceEpoch();
    QVERIFY(m_fx->writer->call([=](WriterContext &c) {
        const auto id = [&](const QString &sql, const QVariantList &values) {
            QSqlQuery q = StoreTestUtil::exec(c.db(), sql + u" RETURNING id"_s, values);
            return q.next() ? q.value(0).toLongLong() : 0;
        };
        id(u"INSERT INTO contacts (account_id, number, name) VALUES (?, ?, ?)"_s,
           {acme, u"+14155550177"_s, u"Ana Lopez"_s});
        const qint64 thread = id(u"INSERT INTO threads (account_id, customer_number, "
                                 u"sender_number_id) VALUES (?, ?, ?)"_s,
                                 {acme, u"+14155550177"_s, support});
        const qint64 tpl = id(u"INSERT INTO templates (account_id, name) VALUES (?, ?)"_s,
                              {acme, u"Spring sale"_s});
        const qint64 version = id(u"INSERT INTO template_versions (template_id, version, body, "
                                  u"author) VALUES (?, 1, 'Hi', 'ana')"_s,
                                  {tpl});
        const qint64 campaign = id(u"INSERT INTO campaigns (account_id, name, sender_number_id, "
                                   u"template_version_id, created_by) VALUES (?, ?, ?, ?, 'ben')"_s,
                                   {acme, u"March promo"_s, support, version});
        AuditRows rows(c.db());
        return thread > 0 && campaign > 0 &&
               rows.append(acme, u"ana"_s, u"thread.snooze"_s, u"thread"_s, thread,
                           {{u"until"_s, finishMs}, {u"untilIso"_s, u"2026-03-14T15:30:00Z"_s}}) &&
               rows.append(acme, u"ben"_s, u"campaign.scheduled"_s, u"campaign"_s, campaign,
                           {{u"expected_finish_at"_s, finishMs}, {u"recipients"_s, 12}}) &&
               rows.append(acme, u"ben"_s, u"campaign.canceled"_s, u"campaign"_s, campaign,
                           {{u"skipped"_s, 3}});
    }));
    m_page->reload();
    QCOMPARE(m_model->rowCount(), 5);
    const QStringList changes = column(AuditLogModel::ChangeColumn);
    QVERIFY2(changes.contains(u"Campaign canceled"_s), qPrintable(changes.join(u'|')));
    QVERIFY2(changes.contains(u"Conversation snoozed"_s), qPrintable(changes.join(u'|')));
    const QStringList subjects = column(AuditLogModel::SubjectColumn);
    QVERIFY2(subjects.contains(u"Ana Lopez (+14155550177)"_s), qPrintable(subjects.join(u'|')));
    QVERIFY2(subjects.contains(u"March promo"_s), qPrintable(subjects.join(u'|')));
    for (const QString &subject : subjects)
        QVERIFY2(!subject.contains(u'#'), qPrintable(subject));
    // Times in details read as the local date and time, never as epoch milliseconds.
    const QString local =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(finishMs), QLocale::ShortFormat);
    const QString details = column(AuditLogModel::DetailsColumn).join(u'|');
    QVERIFY2(!details.contains(QString::number(finishMs)), qPrintable(details));
    QVERIFY2(!details.contains(u"untilIso"_s), qPrintable(details));
    QVERIFY2(details.contains(u"until: "_s + local), qPrintable(details));
    QVERIFY2(details.contains(u"expected finish at: "_s + local), qPrintable(details));
    if (const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_page->grab().save(QDir(dir).filePath(u"audit-log-readable.png"_s)));
}

void TstAuditLogPage::screenshot()
{
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SMSDESK_SCREENSHOT_DIR not set");
    QVERIFY(m_page->grab().save(QDir(dir).filePath(u"audit-log.png"_s)));
}

QTEST_MAIN(TstAuditLogPage)
#include "tst_auditlogpage.moc"
