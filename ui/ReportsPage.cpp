#include "ReportsPage.h"

#include "CampaignState.h"
#include "PhoneNumber.h"
#include "StoreReader.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPromise>
#include <QPushButton>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Money always carries its currency: a number that sent nothing has no price unit of its own
// ("0.00" beside "0.97 USD"), so it takes the account's, else Twilio's default.
QString currency(const QString &unit, const QString &accountUnit)
{
    if (!unit.isEmpty())
        return unit;
    return accountUnit.isEmpty() ? u"USD"_s : accountUnit;
}

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString count(qint64 value)
{
    return QLocale().toString(value);
}

QString percent(std::optional<double> rate)
{
    return rate ? QLocale().toString(*rate * 100.0, 'f', 1) + u" %"_s : u"–"_s;
}

QString share(qint64 part, qint64 whole)
{
    return whole > 0 ? percent(double(part) / double(whole)) : u"–"_s;
}

QTableWidget *table(const QString &name, const QStringList &headers)
{
    auto *widget = new QTableWidget(0, int(headers.size()));
    widget->setObjectName(name);
    widget->setHorizontalHeaderLabels(headers);
    widget->verticalHeader()->hide();
    widget->horizontalHeader()->setStretchLastSection(true);
    widget->setSelectionBehavior(QAbstractItemView::SelectRows);
    widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
    widget->setAlternatingRowColors(true);
    return widget;
}

} // namespace

ReportsPage::ReportsPage(const StoreReader &reader, qint64 accountId, QWidget *parent)
    : QWidget(parent)
    , m_profilePath(reader.profilePath())
    , m_accountId(accountId)
    , m_now([] { return QDateTime::currentDateTime(); })
    , m_period(new QComboBox)
    , m_summary(new QLabel)
    , m_error(new QLabel)
    , m_chart(new QChart)
    , m_numbers(table(u"reportNumbers"_s,
                      {tr("Number"), tr("Label"), tr("Sent"), tr("Delivered"), tr("Failed"),
                       tr("Blocked"), tr("Received"), tr("Opt-outs"), tr("Segments"), tr("Cost")}))
    , m_campaigns(table(u"reportCampaigns"_s,
                        {tr("Campaign"), tr("State"), tr("Recipients"), tr("Sent"), tr("Delivered"),
                         tr("Failed"), tr("Replied"), tr("Opted out")}))
    , m_watcher(new QFutureWatcher<ReportQuery::Outcome>(this))
{
    setObjectName(u"reportsPage"_s);
    m_period->setObjectName(u"reportPeriod"_s);
    m_period->setAccessibleName(tr("Period"));
    m_numbers->setAccessibleName(tr("By sender number"));
    m_campaigns->setAccessibleName(tr("Campaigns, all time"));
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_summary->setObjectName(u"reportSummary"_s);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true); // the figures wrap in a narrow window
    m_error->setObjectName(u"reportError"_s);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    auto *refresh = new QPushButton(tr("Refresh"));
    refresh->setObjectName(u"reportRefresh"_s);

    m_chart->setTitle(tr("Messages per day"));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->legend()->setVisible(true);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    auto *chartView = new QChartView(m_chart);
    chartView->setObjectName(u"reportChart"_s);
    chartView->setAccessibleName(tr("Messages per day"));
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(260);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period")));
    bar->addWidget(m_period);
    bar->addStretch();
    bar->addWidget(refresh);

    auto *numbersTitle = new QLabel(tr("<b>By sender number</b>"));
    auto *campaignsTitle = new QLabel(tr("<b>Campaigns</b> (all time)"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(chartView, 3);
    layout->addWidget(numbersTitle);
    layout->addWidget(m_numbers, 2);
    layout->addWidget(campaignsTitle);
    layout->addWidget(m_campaigns, 2);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportsPage::reload);
    connect(refresh, &QPushButton::clicked, this, &ReportsPage::reload);
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        present(m_watcher->result());
        if (std::exchange(m_reloadAgain, false))
            reload();
        else
            Q_EMIT reportShown();
    });
}

ReportsPage::~ReportsPage()
{
    // The worker holds no pointer to the page, but its connection must close before the
    // profile may go away.
    m_watcher->waitForFinished();
}

void ReportsPage::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
}

int ReportsPage::periodDays() const
{
    return m_period->currentData().toInt();
}

void ReportsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void ReportsPage::reload()
{
    if (m_watcher->isRunning()) {
        m_reloadAgain = true;
        return;
    }
    // Whole local days: today and the days before it.
    const QDateTime now = m_now().toLocalTime();
    const QDateTime to = now.date().addDays(1).startOfDay();
    const QDateTime from = now.date().addDays(1 - periodDays()).startOfDay();
    m_summary->setText(tr("Reading the figures…"));
    auto promise = std::make_shared<QPromise<ReportQuery::Outcome>>();
    m_watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, path = m_profilePath, account = m_accountId, from, to] {
            // A connection of the worker's own (a connection belongs to the thread that opens
            // it), closed before the page hears the figures are ready.
            ReportQuery::Outcome outcome;
            {
                StoreReader reader(path);
                if (!reader.open()) {
                    outcome.error = reader.errorString();
                } else {
                    auto query = reader.make<ReportQuery>();
                    outcome.report = query.run(account, from, to);
                    outcome.error = query.errorString();
                }
            }
            promise->addResult(outcome);
            promise->finish();
        });
}

void ReportsPage::present(const ReportQuery::Outcome &outcome)
{
    m_numbers->setRowCount(0);
    m_campaigns->setRowCount(0);
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    m_error->setText(outcome.error);
    m_error->setVisible(!outcome.report);
    if (!outcome.report) {
        m_summary->clear();
        return;
    }
    const ReportQuery::Report &report = *outcome.report;
    const ReportQuery::NumberFigures &total = report.total;
    m_summary->setText(
        tr("<span style='font-size:15px'>Sent <b>%1</b> · Delivered <b>%2</b> · Received "
           "<b>%3</b> · Opt-outs <b>%4</b> · Blocked <b>%5</b> · Cost <b>%6 %7</b></span>")
            .arg(count(total.sent), percent(total.deliveryRate()), count(total.received),
                 count(total.optOuts), count(total.blocked), QLocale().toString(total.cost, 'f', 2),
                 currency(total.priceUnit, total.priceUnit).toHtmlEscaped()));

    for (const ReportQuery::NumberFigures &figures : report.numbers) {
        const int row = m_numbers->rowCount();
        m_numbers->insertRow(row);
        m_numbers->setItem(row, 0, cell(PhoneNumber::displayForm(figures.number)));
        m_numbers->setItem(row, 1, cell(figures.label));
        m_numbers->setItem(row, 2, cell(count(figures.sent), true));
        m_numbers->setItem(row, 3, cell(percent(figures.deliveryRate()), true));
        m_numbers->setItem(row, 4, cell(count(figures.failed), true));
        m_numbers->setItem(row, 5, cell(count(figures.blocked), true));
        m_numbers->setItem(row, 6, cell(count(figures.received), true));
        m_numbers->setItem(row, 7, cell(count(figures.optOuts), true));
        m_numbers->setItem(row, 8, cell(count(figures.segments), true));
        m_numbers->setItem(row, 9,
                           cell(QLocale().toString(figures.cost, 'f', 2) + u' ' +
                                    currency(figures.priceUnit, total.priceUnit),
                                true));
    }
    m_numbers->resizeColumnsToContents();
    presentChart(report);
    presentCampaigns(report);
}

void ReportsPage::presentChart(const ReportQuery::Report &report)
{
    auto *sent = new QLineSeries;
    sent->setName(tr("Sent"));
    auto *received = new QLineSeries;
    received->setName(tr("Received"));
    qint64 peak = 0;
    for (const ReportQuery::DayFigures &day : report.days) {
        const qreal x = qreal(day.day.startOfDay().toMSecsSinceEpoch());
        sent->append(x, qreal(day.sent));
        received->append(x, qreal(day.received));
        peak = std::max({peak, day.sent, day.received});
    }
    m_chart->addSeries(sent);
    m_chart->addSeries(received);
    auto *axisX = new QDateTimeAxis;
    axisX->setFormat(u"d MMM"_s);
    axisX->setTickCount(std::min(8, int(report.days.size())));
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(u"%d"_s);
    // Counts are whole: nice numbers put the ticks on integers.
    axisY->setRange(0, double(std::max<qint64>(peak, 4)));
    axisY->applyNiceNumbers();
    m_chart->addAxis(axisX, Qt::AlignBottom);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *series : m_chart->series()) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
}

void ReportsPage::presentCampaigns(const ReportQuery::Report &report)
{
    for (const ReportQuery::CampaignFigures &figures : report.campaigns) {
        const CampaignStats::Counts &total = figures.total;
        const int row = m_campaigns->rowCount();
        m_campaigns->insertRow(row);
        m_campaigns->setItem(row, 0, cell(figures.campaign.name));
        m_campaigns->setItem(row, 1, cell(CampaignState::toString(figures.campaign.state)));
        m_campaigns->setItem(row, 2, cell(count(total.recipients), true));
        m_campaigns->setItem(row, 3, cell(count(total.sent), true));
        m_campaigns->setItem(row, 4, cell(share(total.delivered, total.sent), true));
        m_campaigns->setItem(row, 5, cell(count(total.failed), true));
        m_campaigns->setItem(row, 6, cell(share(total.replied, total.sent), true));
        m_campaigns->setItem(row, 7, cell(count(total.optedOut), true));
    }
    m_campaigns->resizeColumnsToContents();
}
