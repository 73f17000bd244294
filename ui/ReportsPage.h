// The Reports screen: an account's traffic over a period (sent and received per day), its
// figures per sender number, and its campaigns' outcomes.
#pragma once

#include <QDateTime>
#include <QFutureWatcher>
#include <QWidget>

#include "ReportQuery.h"

#include <functional>

class QChart;
class QComboBox;
class QLabel;
class QTableWidget;
class StoreReader;

class ReportsPage : public QWidget
{
    Q_OBJECT

public:
    // The figures are read on a worker thread with its own StoreReader on reader's profile:
    // over a large history they take seconds (messages have no index by time per account).
    ReportsPage(const StoreReader &reader, qint64 accountId, QWidget *parent = nullptr);
    ~ReportsPage() override;

    // Tests fix "now"; the default is the system clock.
    void setClock(std::function<QDateTime()> now);
    // The period shown, in days back from today (7, 30 or 90).
    int periodDays() const;

public Q_SLOTS:
    // Reads the figures again in the background; a call while reading reads once more after.
    void reload();

Q_SIGNALS:
    // The figures of the last reload are on screen.
    void reportShown();

protected:
    // Figures change with every sync: they are read again whenever the page is shown.
    void showEvent(QShowEvent *event) override;

private:
    void present(const ReportQuery::Outcome &outcome);
    void presentChart(const ReportQuery::Report &report);
    void presentCampaigns(const ReportQuery::Report &report);

    QString m_profilePath;
    qint64 m_accountId;
    std::function<QDateTime()> m_now;
    QComboBox *m_period;
    QLabel *m_summary;
    QLabel *m_error;
    QChart *m_chart;
    QTableWidget *m_numbers;
    QTableWidget *m_campaigns;
    QFutureWatcher<ReportQuery::Outcome> *m_watcher;
    bool m_reloadAgain = false;
};
