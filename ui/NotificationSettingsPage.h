// Settings › Notifications: which new messages pop up, the busy digest, do-not-disturb hours
// and sound. Every change is saved at once and announced with settingsChanged().
#pragma once

#include "NotificationPolicy.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QRadioButton;
class QSettings;
class QSpinBox;
class QTimeEdit;

class NotificationSettingsPage : public QWidget
{
    Q_OBJECT

public:
    // settings: the user's QSettings, not owned; it must outlive the page. The page shows
    // what is stored there.
    explicit NotificationSettingsPage(QSettings *settings, QWidget *parent = nullptr);

    NotificationPolicy::Settings values() const;

Q_SIGNALS:
    void settingsChanged(const NotificationPolicy::Settings &settings);

private:
    void display(const NotificationPolicy::Settings &values);
    void save();
    void updateEnabled();

    QSettings *m_settings;
    NotificationPolicy::Settings m_loaded; // keeps what the page does not edit (the window)
    QRadioButton *m_every;
    QRadioButton *m_mine;
    QRadioButton *m_off;
    QCheckBox *m_digest;
    QSpinBox *m_threshold;
    QLabel *m_windowLabel = nullptr;
    QCheckBox *m_dnd;
    QTimeEdit *m_dndStart;
    QTimeEdit *m_dndEnd;
    QCheckBox *m_sound;
    QLabel *m_problems;
};
