// "Send later…": the agent picks a day and time in the customer's own zone (shown with its
// offset and the customer's time now). A time in the past or inside the customer's quiet
// hours keeps Schedule disabled and says why, with a button moving it to the earliest allowed
// time. Also edits a scheduled message (its text and time).
#pragma once

#include "ScheduledSendTime.h"

#include <QDialog>

#include <functional>

class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimeEdit;

class SendLaterDialog : public QDialog
{
    Q_OBJECT

public:
    // zone: the customer's IANA zone ('' when unknown: UTC, said so). at: the time to start
    // from (ms, UTC; 0: tomorrow 09:00 their time).
    SendLaterDialog(const QString &zone, const QString &body, qint64 atMs = 0,
                    QWidget *parent = nullptr);

    void setClock(std::function<qint64()> nowMs);
    QString body() const;
    QDate localDate() const;
    QTime localTime() const;
    void setLocalDateTime(QDate date, QTime time);
    // Why Schedule is disabled; empty when the time is allowed.
    QString problem() const { return m_check.refusal; }
    QPushButton *scheduleButton() const { return m_schedule; }
    QPushButton *moveButton() const { return m_move; }

private:
    void recheck();

    ScheduledSendTime m_times;
    std::function<qint64()> m_now;
    ScheduledSendTime::Check m_check;
    QPlainTextEdit *m_body;
    QDateEdit *m_date;
    QTimeEdit *m_time;
    QLabel *m_zone;
    QLabel *m_status;
    QPushButton *m_move;
    QPushButton *m_schedule;
};
