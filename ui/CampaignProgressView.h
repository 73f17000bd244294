// One campaign's progress: state, a progress bar, live counts per variant, and the
// Pause / Resume / Cancel / Send test actions.
#pragma once

#include "CampaignRows.h"
#include "CampaignStats.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

class CampaignProgressView : public QWidget
{
    Q_OBJECT

public:
    explicit CampaignProgressView(QWidget *parent = nullptr);

    qint64 campaignId() const { return m_campaignId; }
    void display(const CampaignRows::Summary &summary, const QList<CampaignStats::Counts> &counts);
    // In a team: who runs the campaign (its lease holder), shown beside its state.
    void setRunner(const QString &name);
    // What the cancel confirmation says for the campaign as last displayed.
    static QString cancelQuestion(const CampaignRows::Summary &summary);
    void showMessage(const QString &text);

Q_SIGNALS:
    void pauseRequested(qint64 campaignId);
    void resumeRequested(qint64 campaignId);
    void cancelRequested(qint64 campaignId);
    void testRequested(qint64 campaignId, const QString &variant, const QString &number);

private:
    void confirmCancel();
    void showState();

    qint64 m_campaignId = 0;
    CampaignRows::Summary m_summary;
    QString m_runner;
    QLabel *m_title;
    QLabel *m_state;
    QProgressBar *m_progress;
    QTableWidget *m_counts;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_cancel;
    QLineEdit *m_testNumber;
    QPushButton *m_sendTest;
    QLabel *m_message;
    QString m_firstVariant;
};
