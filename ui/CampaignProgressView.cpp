#include "CampaignProgressView.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
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
    connect(m_cancel, &QPushButton::clicked, this, &CampaignProgressView::confirmCancel);
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
    if (summary.id != m_campaignId)
        m_runner.clear();
    m_campaignId = summary.id;
    m_summary = summary;
    m_title->setText(summary.name);
    showState();
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

void CampaignProgressView::setRunner(const QString &name)
{
    if (name == m_runner)
        return;
    m_runner = name;
    showState();
}

void CampaignProgressView::showState()
{
    const CampaignRows::Summary &summary = m_summary;
    QString state = CampaignState::toString(summary.state);
    if (summary.state == CampaignState::State::Canceled)
        state += tr(" · %1 of %2 sent before the cancel").arg(summary.sent).arg(summary.toSend());
    else if (summary.expectedFinishAt)
        state += tr(" · expected finish %1")
                     .arg(QDateTime::fromMSecsSinceEpoch(*summary.expectedFinishAt)
                              .toString(u"yyyy-MM-dd HH:mm"_s));
    if (summary.heldOut > 0)
        state += tr(" · %1 held out").arg(summary.heldOut);
    // Created with SendAt: at the provider, leaving at their own time (counted as sent).
    if (summary.atProvider > 0)
        state += tr(" · %1 scheduled at the provider").arg(summary.atProvider);
    // Held, not sent days late: a pause or an outage took them past "send no later than".
    if (summary.tooLate > 0)
        state += tr(" · %1 not sent: too late").arg(summary.tooLate);
    if (!m_runner.isEmpty() && !CampaignState::isFinished(summary.state))
        state += tr(" · run by %1").arg(m_runner);
    m_state->setText(state);
}

QString CampaignProgressView::cancelQuestion(const CampaignRows::Summary &summary)
{
    const qint64 notYet = summary.pending + summary.sending;
    QString text = tr("Cancel campaign %1? %2 of %3 texts have already been sent; the other %4 "
                      "will not be sent.")
                       .arg(summary.name)
                       .arg(summary.sent)
                       .arg(summary.toSend())
                       .arg(notYet);
    if (summary.failed + summary.skipped > 0)
        text += tr(" (%1 failed or were skipped.)").arg(summary.failed + summary.skipped);
    if (summary.atProvider > 0)
        text += tr(" %1 of the sent are scheduled at the provider and will be canceled there.")
                    .arg(summary.atProvider);
    return text;
}

void CampaignProgressView::confirmCancel()
{
    // Asked with the counts this desktop has now; texts the outbox is posting at this moment
    // may still leave, and the campaign view then shows them as sent.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Cancel campaign"),
                                cancelQuestion(m_summary), QMessageBox::NoButton, this);
    box->setObjectName(u"cancelConfirmation"_s);
    box->addButton(tr("Cancel campaign"), QMessageBox::DestructiveRole)
        ->setObjectName(u"confirmCancelButton"_s);
    box->addButton(tr("Keep sending"), QMessageBox::RejectRole)
        ->setObjectName(u"keepSendingButton"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = m_campaignId;
    connect(box, &QMessageBox::buttonClicked, this, [this, box, id](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            Q_EMIT cancelRequested(id);
    });
    box->open();
}

void CampaignProgressView::showMessage(const QString &text)
{
    m_message->setText(text);
}
