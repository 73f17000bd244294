// The Campaigns screen: the account's campaigns with state and progress, the schedule editor
// for a new one, and the selected campaign's live progress with its actions.
#pragma once

#include "AudienceQuery.h"

#include <QSqlDatabase>
#include <QWidget>

class CampaignListModel;
class CampaignProgressView;
class CampaignRunner;
class CampaignScheduleEditor;
class QStackedWidget;
class QTableView;
class StoreWriter;
struct CampaignDraft;

class CampaignsPage : public QWidget
{
    Q_OBJECT

public:
    // `reader`: an open reader connection of the profile; `runner`: the account's runner
    // (pause/resume/cancel/test go through it, and its signals refresh the page).
    CampaignsPage(QSqlDatabase reader, StoreWriter *writer, CampaignRunner *runner,
                  qint64 accountId, const QString &actor, QWidget *parent = nullptr);

    CampaignScheduleEditor *editor() const { return m_editor; }
    // Reads the list and the shown campaign again.
    void refresh();
    void showCampaign(qint64 campaignId);
    void newCampaign();

Q_SIGNALS:
    void campaignScheduled(qint64 campaignId);

private:
    void schedule(const CampaignDraft &draft, const QStringList &numbers);
    void reloadOptions();
    // Evaluates the editor's segment and hands it the included contacts and the exclusions.
    void evaluateAudience(const AudienceQuery::Segment &segment);

    QSqlDatabase m_reader;
    StoreWriter *m_writer;
    CampaignRunner *m_runner;
    qint64 m_accountId;
    QString m_actor;
    CampaignListModel *m_model;
    QTableView *m_list;
    QStackedWidget *m_stack;
    CampaignScheduleEditor *m_editor;
    CampaignProgressView *m_progress;
};
