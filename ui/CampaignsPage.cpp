#include "CampaignsPage.h"

#include "CampaignCommands.h"
#include "CampaignListModel.h"
#include "CampaignOptions.h"
#include "CampaignPlanInput.h"
#include "CampaignProgressDelegate.h"
#include "CampaignProgressView.h"
#include "CampaignRows.h"
#include "CampaignRunner.h"
#include "CampaignScheduleEditor.h"
#include "CampaignStats.h"
#include "ConsentRows.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "TabChain.h"

#include <QDateTime>
#include <QHash>
#include <QHeaderView>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

CampaignsPage::CampaignsPage(const StoreReader &reader, StoreWriter *writer, CampaignRunner *runner,
                             qint64 accountId, const QString &actor, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(new CampaignCommands(writer, accountId, actor, this))
    , m_runner(runner)
    , m_accountId(accountId)
    , m_actor(actor)
    // Owned by this page (its parent).
    , m_model(reader.create<CampaignListModel>(accountId, this).release())
    , m_list(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_editor(new CampaignScheduleEditor(this))
    , m_progress(new CampaignProgressView(this))
{
    setObjectName(u"campaignsPage"_s);
    m_list->setObjectName(u"campaignList"_s);
    m_list->setAccessibleName(tr("Campaigns"));
    m_list->setModel(m_model);
    m_list->setItemDelegateForColumn(CampaignListModel::ProgressColumn,
                                     new CampaignProgressDelegate(m_list));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(CampaignListModel::NameColumn,
                                                     QHeaderView::Stretch);
    // A state changes in place ("draft" to "scheduled"): size the column for the longest
    // state once, so a later one is never cut to "sch…".
    int stateWidth =
        m_list->fontMetrics().horizontalAdvance(
            m_model->headerData(CampaignListModel::StateColumn, Qt::Horizontal).toString()) +
        24;
    for (const auto state : {CampaignState::State::Draft, CampaignState::State::Scheduled,
                             CampaignState::State::Running, CampaignState::State::Paused,
                             CampaignState::State::Completed, CampaignState::State::Canceled})
        stateWidth =
            std::max(stateWidth,
                     m_list->fontMetrics().horizontalAdvance(CampaignState::toString(state)) + 24);
    m_list->horizontalHeader()->setSectionResizeMode(CampaignListModel::StateColumn,
                                                     QHeaderView::Fixed);
    m_list->setColumnWidth(CampaignListModel::StateColumn, stateWidth);
    auto *create = new QPushButton(tr("New campaign"), this);
    create->setObjectName(u"newCampaignButton"_s);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(create, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_list, 1);
    m_stack->addWidget(m_editor);
    m_stack->addWidget(m_progress);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // Name and state at the least; the table scrolls sideways to the rest when the window is
    // narrow (a wider minimum made the whole window grow on opening Campaigns).
    left->setMinimumWidth(left->fontMetrics().averageCharWidth() * 30);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(create, &QPushButton::clicked, this, &CampaignsPage::newCampaign);
    // Made last, "New campaign" came after the whole form in Tab order; it reads first.
    TabChain::orderWhenShown(this, {create, m_list, m_stack});
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showCampaign(current.data(CampaignListModel::IdRole).toLongLong());
            });
    connect(m_editor, &CampaignScheduleEditor::scheduleRequested, this, &CampaignsPage::schedule);
    connect(m_editor, &CampaignScheduleEditor::audienceChanged, this,
            &CampaignsPage::evaluateAudience);
    // The preview plans from the store exactly as scheduling will (contacts' zones, quiet
    // hours, template segments, sticky senders), only without writing.
    m_editor->setPlanPreview([this](const CampaignDraft &draft, const QStringList &numbers) {
        CampaignDraft d = draft;
        d.accountId = m_accountId;
        return m_reader.make<CampaignPlanInput>().preview(d, numbers,
                                                          QDateTime::currentMSecsSinceEpoch());
    });
    // Numbers whose newest consent event is not an opt-in (or who have none).
    m_editor->setConsentCheck([this](const QStringList &numbers) {
        QHash<QString, bool> optedIn;
        const auto events = m_reader.make<ConsentRows>().eventsOf(m_accountId);
        for (const ConsentEvent &event : events.value_or(QList<ConsentEvent>()))
            optedIn.insert(event.contactNumber, event.kind == ConsentEvent::Kind::OptIn);
        QStringList without;
        for (const QString &number : numbers) {
            if (!optedIn.value(number))
                without.append(number);
        }
        return without;
    });
    // State moves and the runner's rounds reach the list through the change feed.
    if (writer) {
        connect(writer->changes(), &ChangeFeed::changed, this, [this](const ChangeSet &changes) {
            if (changes.touches(ChangeSet::Table::Campaigns) ||
                changes.touches(ChangeSet::Table::CampaignRecipients))
                refresh();
        });
    }
    const auto answer = [this](const CommandResult &result) {
        if (!result.ok)
            return m_progress->showMessage(result.error);
        if (m_runner)
            m_runner->tick(); // a resumed campaign goes on now, not at the next round
    };
    connect(m_progress, &CampaignProgressView::pauseRequested, this,
            [this, answer](qint64 id) { m_commands->pause(id, answer); });
    connect(m_progress, &CampaignProgressView::resumeRequested, this,
            [this, answer](qint64 id) { m_commands->resume(id, answer); });
    connect(m_progress, &CampaignProgressView::cancelRequested, this,
            [this, answer](qint64 id) { m_commands->cancel(id, answer); });
    if (m_runner) {
        connect(m_runner, &CampaignRunner::errorOccurred, m_progress,
                &CampaignProgressView::showMessage);
        connect(m_runner, &CampaignRunner::testQueued, m_progress,
                [this] { m_progress->showMessage(tr("Test message queued.")); });
        connect(m_progress, &CampaignProgressView::testRequested, m_runner,
                [this](qint64 id, const QString &variant, const QString &number) {
                    m_runner->sendTest(id, variant, number, m_actor);
                });
    }
    // Delivery receipts and replies arrive through sync, not through the runner.
    auto *poll = new QTimer(this);
    poll->setInterval(2000);
    connect(poll, &QTimer::timeout, this, &CampaignsPage::refresh);
    poll->start();
    reloadOptions();
    if (m_model->rowCount() > 0)
        m_list->selectRow(0);
    else
        newCampaign();
}

void CampaignsPage::reloadOptions()
{
    auto options = m_reader.make<CampaignOptions>();
    m_editor->setOptions(
        options.senders(m_accountId).value_or(QList<CampaignOptions::Choice>{}),
        options.approvedVersions(m_accountId).value_or(QList<CampaignOptions::Choice>{}));
    m_editor->setAccountZone(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    auto audience = m_reader.make<AudienceQuery>();
    // setOptions() cleared the segment, which asked for its evaluation already.
    m_editor->setAudienceChoices(audience.tags(m_accountId), audience.attributeKeys(m_accountId));
}

void CampaignsPage::evaluateAudience(const AudienceQuery::Segment &segment)
{
    auto query = m_reader.make<AudienceQuery>();
    AudienceQuery::Options options;
    options.atMs = QDateTime::currentMSecsSinceEpoch();
    // Campaigns are held to the promotional frequency cap: the stricter reading.
    options.promotional = true;
    const auto evaluation = query.evaluate(m_accountId, segment, options);
    if (evaluation)
        m_editor->setAudience(*evaluation);
    else
        m_editor->showAudienceError(query.errorString());
}

void CampaignsPage::newCampaign()
{
    m_list->clearSelection();
    reloadOptions();
    m_stack->setCurrentWidget(m_editor);
}

void CampaignsPage::refresh()
{
    m_model->refresh();
    // Rows change in place, which does not re-fit ResizeToContents columns by itself.
    QMetaObject::invokeMethod(m_list->horizontalHeader(), "resizeSections");
    if (m_stack->currentWidget() == m_progress && m_progress->campaignId() != 0)
        showCampaign(m_progress->campaignId());
}

void CampaignsPage::showCampaign(qint64 campaignId)
{
    const auto summary = m_reader.make<CampaignRows>().summary(campaignId);
    const auto counts = m_reader.make<CampaignStats>().counts(campaignId);
    if (!summary || !counts)
        return;
    m_progress->display(*summary, *counts);
    m_progress->setRunner(m_runner ? m_runner->runnerName(summary->teamId) : QString());
    m_stack->setCurrentWidget(m_progress);
}

void CampaignsPage::schedule(const CampaignDraft &draft, const QStringList &numbers)
{
    m_commands->schedule(draft, numbers, [this](const CommandResult &result) {
        // The list shows the new campaign already: the feed delivered it before the answer.
        if (!result.ok) {
            m_stack->setCurrentWidget(m_editor);
            m_editor->showError(result.error);
            return;
        }
        const int row = m_model->rowOf(result.id);
        if (row >= 0)
            m_list->selectRow(row);
        showCampaign(result.id);
        Q_EMIT campaignScheduled(result.id);
        if (m_runner)
            m_runner->tick();
    });
}
