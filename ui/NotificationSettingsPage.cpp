#include "NotificationSettingsPage.h"

#include "NotificationSettings.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Mode = NotificationPolicy::Mode;

namespace {

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #6b7280;"_s);
    return label;
}

} // namespace

NotificationSettingsPage::NotificationSettingsPage(QSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_every(new QRadioButton(tr("Every new message"), this))
    , m_mine(new QRadioButton(tr("Only conversations assigned to me or to nobody"), this))
    , m_off(new QRadioButton(tr("Nothing (the tray icon still counts unread messages)"), this))
    , m_digest(new QCheckBox(tr("Combine notifications into one summary"), this))
    , m_threshold(new QSpinBox(this))
    , m_dnd(new QCheckBox(tr("Do not disturb from"), this))
    , m_dndStart(new QTimeEdit(this))
    , m_dndEnd(new QTimeEdit(this))
    , m_sound(new QCheckBox(tr("Play a sound with notifications"), this))
    , m_problems(new QLabel(this))
{
    setObjectName(u"notificationSettingsPage"_s);
    m_every->setObjectName(u"modeEvery"_s);
    m_mine->setObjectName(u"modeMineAndUnassigned"_s);
    m_off->setObjectName(u"modeOff"_s);
    m_digest->setObjectName(u"digestWhenBusy"_s);
    m_threshold->setObjectName(u"digestThreshold"_s);
    m_dnd->setObjectName(u"doNotDisturb"_s);
    m_dndStart->setObjectName(u"doNotDisturbStart"_s);
    m_dndEnd->setObjectName(u"doNotDisturbEnd"_s);
    m_sound->setObjectName(u"sound"_s);
    m_problems->setObjectName(u"notificationSettingsProblems"_s);

    auto *title = new QLabel(tr("Notifications"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *modes = new QButtonGroup(this);
    auto *modeBox = new QGroupBox(tr("Show desktop notifications for"), this);
    auto *modeLayout = new QVBoxLayout(modeBox);
    for (QRadioButton *button : {m_every, m_mine, m_off}) {
        modes->addButton(button);
        modeLayout->addWidget(button);
    }

    m_threshold->setRange(NotificationSettings::MinThreshold, NotificationSettings::MaxThreshold);
    auto *digestBox = new QGroupBox(tr("Busy times"), this);
    auto *digestLayout = new QVBoxLayout(digestBox);
    digestLayout->addWidget(m_digest);
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->setContentsMargins(24, 0, 0, 0);
    thresholdRow->addWidget(new QLabel(tr("when more than"), digestBox));
    thresholdRow->addWidget(m_threshold);
    m_windowLabel = new QLabel(digestBox);
    thresholdRow->addWidget(m_windowLabel);
    thresholdRow->addStretch();
    digestLayout->addLayout(thresholdRow);
    digestLayout->addWidget(
        hint(tr("For example “7 new messages in 4 threads” instead of 7 pop-ups. "
                "Clicking the summary opens the most recent conversation."),
             digestBox));

    for (QTimeEdit *edit : {m_dndStart, m_dndEnd})
        edit->setDisplayFormat(u"HH:mm"_s);
    auto *dndBox = new QGroupBox(tr("Quiet hours"), this);
    auto *dndLayout = new QVBoxLayout(dndBox);
    auto *dndRow = new QHBoxLayout;
    dndRow->addWidget(m_dnd);
    dndRow->addWidget(m_dndStart);
    dndRow->addWidget(new QLabel(tr("to"), dndBox));
    dndRow->addWidget(m_dndEnd);
    dndRow->addStretch();
    dndLayout->addLayout(dndRow);
    dndLayout->addWidget(hint(tr("Local time; an end before the start runs past midnight. No "
                                 "pop-ups or sound then, but the tray icon still counts new "
                                 "messages."),
                              dndBox));

    auto *soundBox = new QGroupBox(tr("Sound"), this);
    auto *soundLayout = new QVBoxLayout(soundBox);
    soundLayout->addWidget(m_sound);

    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(u"color: #b91c1c;"_s);

    auto *column = new QWidget(this);
    column->setMaximumWidth(560);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(title);
    columnLayout->addWidget(hint(tr("These settings are yours on this computer; other agents "
                                    "choose their own."),
                                 column));
    columnLayout->addWidget(m_problems);
    for (QWidget *box : {static_cast<QWidget *>(modeBox), static_cast<QWidget *>(digestBox),
                         static_cast<QWidget *>(dndBox), static_cast<QWidget *>(soundBox)})
        columnLayout->addWidget(box);

    // The column's width comes from a row (not from its maximum alone), so its wrapped help
    // text is measured at the width it gets and is never cut off.
    auto *row = new QHBoxLayout;
    row->addWidget(column, 1);
    row->addStretch(0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->addLayout(row);
    layout->addStretch();

    QStringList problems;
    m_loaded = NotificationSettings::load(*m_settings, &problems);
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    display(m_loaded);

    connect(modes, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool checked) {
        if (checked)
            save();
    });
    for (QCheckBox *box : {m_digest, m_dnd, m_sound})
        connect(box, &QCheckBox::toggled, this, &NotificationSettingsPage::save);
    connect(m_threshold, &QSpinBox::valueChanged, this, &NotificationSettingsPage::save);
    connect(m_dndStart, &QTimeEdit::timeChanged, this, &NotificationSettingsPage::save);
    connect(m_dndEnd, &QTimeEdit::timeChanged, this, &NotificationSettingsPage::save);
}

NotificationPolicy::Settings NotificationSettingsPage::values() const
{
    NotificationPolicy::Settings s = m_loaded;
    s.mode = m_mine->isChecked()  ? Mode::MineAndUnassigned
             : m_off->isChecked() ? Mode::Off
                                  : Mode::EveryMessage;
    s.digestWhenBusy = m_digest->isChecked();
    s.digestThreshold = m_threshold->value();
    s.doNotDisturb = m_dnd->isChecked();
    s.dndStart = m_dndStart->time();
    s.dndEnd = m_dndEnd->time();
    s.sound = m_sound->isChecked();
    return s;
}

void NotificationSettingsPage::display(const NotificationPolicy::Settings &values)
{
    m_every->setChecked(values.mode == Mode::EveryMessage);
    m_mine->setChecked(values.mode == Mode::MineAndUnassigned);
    m_off->setChecked(values.mode == Mode::Off);
    m_digest->setChecked(values.digestWhenBusy);
    m_threshold->setValue(values.digestThreshold);
    const int window = values.digestWindowSeconds;
    const QString span = window == 60       ? tr("a minute")
                         : window % 60 == 0 ? tr("%n minutes", nullptr, window / 60)
                                            : tr("%n seconds", nullptr, window);
    m_windowLabel->setText(tr("messages arrive within %1").arg(span));
    m_dnd->setChecked(values.doNotDisturb);
    m_dndStart->setTime(values.dndStart);
    m_dndEnd->setTime(values.dndEnd);
    m_sound->setChecked(values.sound);
    updateEnabled();
}

void NotificationSettingsPage::save()
{
    updateEnabled();
    const NotificationPolicy::Settings s = values();
    NotificationSettings::save(*m_settings, s);
    Q_EMIT settingsChanged(s);
}

void NotificationSettingsPage::updateEnabled()
{
    const bool on = !m_off->isChecked();
    m_digest->setEnabled(on);
    m_threshold->setEnabled(on && m_digest->isChecked());
    m_dnd->setEnabled(on);
    m_dndStart->setEnabled(on && m_dnd->isChecked());
    m_dndEnd->setEnabled(on && m_dnd->isChecked());
    m_sound->setEnabled(on);
}
