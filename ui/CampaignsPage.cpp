#include "CampaignsPage.h"

#include "CampaignListModel.h"
#include "CampaignOptions.h"
#include "CampaignPlanInput.h"
#include "CampaignProgressDelegate.h"
#include "CampaignProgressView.h"
#include "CampaignRunner.h"
#include "CampaignScheduleEditor.h"
#include "CampaignStats.h"
#include "StoreWriter.h"

#include <QDateTime>
#include <QHeaderView>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CampaignsPage::CampaignsPage(QSqlDatabase reader, StoreWriter *writer, CampaignRunner *runner,
                             qint64 accountId, const QString &actor, QWidget *parent)
    : QWidget(parent)
    , m_reader(std::move(reader))
    , m_writer(writer)
    , m_runner(runner)
    , m_accountId(accountId)
    , m_actor(actor)
    , m_model(new CampaignListModel(m_reader, accountId, this))
    , m_list(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_editor(new CampaignScheduleEditor(this))
    , m_progress(new CampaignProgressView(this))
{
    setObjectName(u"campaignsPage"_s);
    m_list->setObjectName(u"campaignList"_s);
    m_list->setModel(m_model);
    m_list->setItemDelegateForColumn(CampaignListModel::ProgressColumn,
                                     new CampaignProgressDelegate(m_list));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(CampaignListModel::NameColumn,
                                                     QHeaderView::Stretch);
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
    // Wide enough for name, state, the progress bar with its counts and the finish.
    left->setMinimumWidth(left->fontMetrics().averageCharWidth() * 84);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(create, &QPushButton::clicked, this, &CampaignsPage::newCampaign);
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
        return CampaignPlanInput(m_reader).preview(d, numbers, QDateTime::currentMSecsSinceEpoch());
    });
    if (m_runner) {
        connect(m_runner, &CampaignRunner::campaignChanged, this, &CampaignsPage::refresh);
        connect(m_runner, &CampaignRunner::errorOccurred, m_progress,
                &CampaignProgressView::showMessage);
        connect(m_runner, &CampaignRunner::testQueued, m_progress,
                [this] { m_progress->showMessage(tr("Test message queued.")); });
        connect(m_progress, &CampaignProgressView::pauseRequested, m_runner,
                [this](qint64 id) { m_runner->pause(id, m_actor); });
        connect(m_progress, &CampaignProgressView::resumeRequested, m_runner,
                [this](qint64 id) { m_runner->resume(id, m_actor); });
        connect(m_progress, &CampaignProgressView::cancelRequested, m_runner,
                [this](qint64 id) { m_runner->cancel(id, m_actor); });
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
    CampaignOptions options(m_reader);
    m_editor->setOptions(
        options.senders(m_accountId).value_or(QList<CampaignOptions::Choice>{}),
        options.approvedVersions(m_accountId).value_or(QList<CampaignOptions::Choice>{}));
    m_editor->setAccountZone(QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    AudienceQuery audience(m_reader);
    // setOptions() cleared the segment, which asked for its evaluation already.
    m_editor->setAudienceChoices(audience.tags(m_accountId), audience.attributeKeys(m_accountId));
}

void CampaignsPage::evaluateAudience(const AudienceQuery::Segment &segment)
{
    AudienceQuery query(m_reader);
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
    if (m_stack->currentWidget() == m_progress && m_progress->campaignId() != 0)
        showCampaign(m_progress->campaignId());
}

void CampaignsPage::showCampaign(qint64 campaignId)
{
    CampaignRows rows(m_reader);
    const auto summary = rows.summary(campaignId);
    const auto counts = CampaignStats(m_reader).counts(campaignId);
    if (!summary || !counts)
        return;
    m_progress->display(*summary, *counts);
    m_stack->setCurrentWidget(m_progress);
}

void CampaignsPage::schedule(const CampaignDraft &draft, const QStringList &numbers)
{
    CampaignDraft d = draft;
    d.accountId = m_accountId;
    d.createdBy = m_actor;
    const QString actor = m_actor;
    struct Planned
    {
        qint64 id = 0;
        QString error;
    };
    m_writer->post(
        [d, numbers, actor](WriterContext &context) {
            CampaignRows rows(context.db());
            const qint64 id = rows.createDraft(d);
            if (id == 0)
                return Planned{0, rows.errorString()};
            if (!rows.plan(id, numbers, QDateTime::currentMSecsSinceEpoch(), actor)) {
                const QString error = rows.errorString();
                // Nothing was queued: the draft stays a draft the marketer can fix.
                return Planned{id, error};
            }
            return Planned{id, QString()};
        },
        this,
        [this](const Planned &planned) {
            m_model->refresh();
            if (!planned.error.isEmpty()) {
                m_stack->setCurrentWidget(m_editor);
                m_editor->showError(planned.error);
                return;
            }
            const int row = m_model->rowOf(planned.id);
            if (row >= 0)
                m_list->selectRow(row);
            showCampaign(planned.id);
            emit campaignScheduled(planned.id);
            if (m_runner)
                m_runner->tick();
        });
}
