// The Campaigns screen: the account's campaigns with state and progress, the schedule editor
// for a new one, and the selected campaign's live progress with its actions.
#pragma once

#include "AudienceQuery.h"

#include <QWidget>

class CampaignCommands;
class CampaignListModel;
class CampaignProgressView;
class CampaignRunner;
class CampaignScheduleEditor;
class QStackedWidget;
class QTableView;
class StoreReader;
class StoreWriter;
struct CampaignDraft;

class CampaignsPage : public QWidget
{
    Q_OBJECT

public:
    // `reader`: an open read connection of the profile; scheduling, pause, resume and cancel
    // go through CampaignCommands on `writer` (not owned), whose change feed refreshes the
    // page; `runner`: the account's runner when it is connected (test sends go through it,
    // and it is ticked after a command so that a change takes effect at once), else null.
    CampaignsPage(const StoreReader &reader, StoreWriter *writer, CampaignRunner *runner,
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

    const StoreReader &m_reader;
    CampaignCommands *m_commands;
    CampaignRunner *m_runner;
    qint64 m_accountId;
    QString m_actor;
    CampaignListModel *m_model;
    QTableView *m_list;
    QStackedWidget *m_stack;
    CampaignScheduleEditor *m_editor;
    CampaignProgressView *m_progress;
};
