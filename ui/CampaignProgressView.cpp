#include "CampaignProgressView.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CampaignProgressView::CampaignProgressView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_counts(new QTableWidget(0, 7, this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_resume(new QPushButton(tr("Resume"), this))
    , m_cancel(new QPushButton(tr("Cancel campaign"), this))
    , m_testNumber(new QLineEdit(this))
    , m_sendTest(new QPushButton(tr("Send test to me"), this))
    , m_message(new QLabel(this))
{
    m_title->setObjectName(u"campaignTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_state->setObjectName(u"campaignState"_s);
    m_progress->setObjectName(u"progressBar"_s);
    m_counts->setObjectName(u"countsTable"_s);
    m_counts->setHorizontalHeaderLabels({tr("Recipients"), tr("Queued"), tr("Sent"),
                                         tr("Delivered"), tr("Failed"), tr("Replied"),
                                         tr("Opted out")});
    m_counts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->setSelectionMode(QAbstractItemView::NoSelection);
    m_counts->setFocusPolicy(Qt::NoFocus);
    m_pause->setObjectName(u"pauseButton"_s);
    m_resume->setObjectName(u"resumeButton"_s);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_testNumber->setObjectName(u"testNumber"_s);
    m_testNumber->setPlaceholderText(tr("Your number, +1415..."));
    m_sendTest->setObjectName(u"sendTestButton"_s);
    m_message->setObjectName(u"progressMessage"_s);
    m_message->setWordWrap(true);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_pause);
    actions->addWidget(m_resume);
    actions->addWidget(m_cancel);
    actions->addStretch(1);
    actions->addWidget(m_testNumber);
    actions->addWidget(m_sendTest);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addWidget(m_counts, 1);
    layout->addLayout(actions);
    layout->addWidget(m_message);

    connect(m_pause, &QPushButton::clicked, this, [this] { Q_EMIT pauseRequested(m_campaignId); });
    connect(m_resume, &QPushButton::clicked, this,
            [this] { Q_EMIT resumeRequested(m_campaignId); });
    connect(m_cancel, &QPushButton::clicked, this,
            [this] { Q_EMIT cancelRequested(m_campaignId); });
    connect(m_sendTest, &QPushButton::clicked, this, [this] {
        if (m_testNumber->text().trimmed().isEmpty()) {
            showMessage(tr("Type the number the test should go to."));
            return;
        }
        Q_EMIT testRequested(m_campaignId, m_firstVariant, m_testNumber->text().trimmed());
    });
}

void CampaignProgressView::display(const CampaignRows::Summary &summary,
                                   const QList<CampaignStats::Counts> &counts)
{
    if (summary.id != m_campaignId)
        m_message->clear();
    m_campaignId = summary.id;
    m_title->setText(summary.name);
    QString state = CampaignState::toString(summary.state);
    if (summary.expectedFinishAt)
        state += tr(" · expected finish %1")
                     .arg(QDateTime::fromMSecsSinceEpoch(*summary.expectedFinishAt)
                              .toString(u"yyyy-MM-dd HH:mm"_s));
    if (summary.heldOut > 0)
        state += tr(" · %1 held out").arg(summary.heldOut);
    m_state->setText(state);
    m_progress->setRange(0, int(std::max<qint64>(1, summary.toSend())));
    m_progress->setValue(int(summary.done()));
    m_progress->setFormat(tr("%1 of %2").arg(summary.done()).arg(summary.toSend()));
    const bool finished = CampaignState::isFinished(summary.state);
    m_pause->setEnabled(CampaignState::canMove(summary.state, CampaignState::State::Paused));
    m_resume->setEnabled(summary.state == CampaignState::State::Paused);
    m_cancel->setEnabled(!finished);

    m_counts->setRowCount(int(counts.size()));
    m_firstVariant.clear();
    for (int row = 0; row < counts.size(); ++row) {
        const CampaignStats::Counts &c = counts.at(row);
        if (m_firstVariant.isEmpty() && !c.variant.isEmpty() && c.variant != u"holdout")
            m_firstVariant = c.variant;
        const QString label = c.variant.isEmpty()       ? tr("Total")
                              : c.variant == u"holdout" ? tr("Hold-out")
                                                        : tr("Variant %1").arg(c.variant);
        m_counts->setVerticalHeaderItem(row, new QTableWidgetItem(label));
        const QList<qint64> values{c.recipients, c.queued,  c.sent,    c.delivered,
                                   c.failed,     c.replied, c.optedOut};
        for (int column = 0; column < values.size(); ++column) {
            auto *item = new QTableWidgetItem(QString::number(values.at(column)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_counts->setItem(row, column, item);
        }
    }
}

void CampaignProgressView::showMessage(const QString &text)
{
    m_message->setText(text);
}
