#include "SendLaterDialog.h"

#include "ButtonRowTabOrder.h"
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SendLaterDialog::SendLaterDialog(const QString &zone, const QString &body, qint64 atMs,
                                 QWidget *parent)
    : QDialog(parent)
    , m_times(zone)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_body(new QPlainTextEdit(body))
    , m_date(new QDateEdit)
    , m_time(new QTimeEdit)
    , m_zone(new QLabel)
    , m_status(new QLabel)
    , m_move(new QPushButton(tr("Move to the earliest allowed time")))
{
    setObjectName(u"sendLaterDialog"_s);
    setWindowTitle(tr("Send later"));
    m_body->setObjectName(u"sendLaterBody"_s);
    m_body->setMaximumHeight(90);
    m_date->setObjectName(u"sendLaterDate"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"ddd d MMM yyyy"_s);
    m_time->setObjectName(u"sendLaterTime"_s);
    m_time->setDisplayFormat(u"HH:mm"_s);
    m_zone->setObjectName(u"sendLaterZone"_s);
    m_status->setObjectName(u"sendLaterStatus"_s);
    m_status->setWordWrap(true);
    m_move->setObjectName(u"sendLaterMove"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("Message"), m_body);
    form->addRow(tr("Day"), m_date);
    form->addRow(tr("Time (customer's)"), m_time);
    form->addRow(tr("Customer's zone"), m_zone);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_schedule = buttons->addButton(tr("Schedule"), QDialogButtonBox::AcceptRole);
    m_schedule->setObjectName(u"sendLaterSchedule"_s);
    ButtonRowTabOrder::follow(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_move, 0, Qt::AlignLeft);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_date, &QDateEdit::dateChanged, this, &SendLaterDialog::recheck);
    connect(m_time, &QTimeEdit::timeChanged, this, &SendLaterDialog::recheck);
    connect(m_body, &QPlainTextEdit::textChanged, this, &SendLaterDialog::recheck);
    connect(m_move, &QPushButton::clicked, this, [this] {
        const QDateTime local =
            QDateTime::fromMSecsSinceEpoch(m_check.suggestionMs, m_times.zone());
        setLocalDateTime(local.date(), local.time());
    });

    if (atMs > 0) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(atMs, m_times.zone());
        setLocalDateTime(local.date(), local.time());
    } else {
        const QDate today = QDateTime::fromMSecsSinceEpoch(m_now(), m_times.zone()).date();
        setLocalDateTime(today.addDays(1), QTime(9, 0));
    }
}

void SendLaterDialog::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
    recheck();
}

QString SendLaterDialog::body() const
{
    return m_body->toPlainText();
}

QDate SendLaterDialog::localDate() const
{
    return m_date->date();
}

QTime SendLaterDialog::localTime() const
{
    return m_time->time();
}

void SendLaterDialog::setLocalDateTime(QDate date, QTime time)
{
    const QSignalBlocker blockDate(m_date);
    const QSignalBlocker blockTime(m_time);
    m_date->setDate(date);
    m_time->setTime(QTime(time.hour(), time.minute()));
    recheck();
}

void SendLaterDialog::recheck()
{
    const qint64 now = m_now();
    m_check = m_times.check(m_date->date(), m_time->time(), now);
    const QDateTime there = QDateTime::fromMSecsSinceEpoch(now, m_times.zone());
    m_zone->setText(tr("%1 \u00b7 now %2 there")
                        .arg(m_times.zoneLabel(now), QLocale().toString(there, u"ddd HH:mm"_s)));
    const bool blank = m_body->toPlainText().trimmed().isEmpty();
    if (m_check.ok()) {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Leaves %1.")
                              .arg(ScheduledSendTime::bubbleLabel(
                                  m_check.utcMs, QString::fromUtf8(m_times.zone().id()))));
    } else {
        m_status->setStyleSheet(u"color: #b3261e;"_s);
        m_status->setText(m_check.refusal);
    }
    m_move->setVisible(!m_check.ok() && m_check.suggestionMs > 0);
    m_schedule->setEnabled(m_check.ok() && !blank);
}
