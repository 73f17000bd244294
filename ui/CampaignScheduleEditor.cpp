#include "CampaignScheduleEditor.h"

#include "AudiencePage.h"
#include "AudienceSegmentForm.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CampaignScheduleEditor::CampaignScheduleEditor(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_scheduleKind(new QButtonGroup(this))
    , m_when(new QDateTimeEdit(this))
    , m_quietStart(new QTimeEdit(QTime(21, 0), this))
    , m_quietEnd(new QTimeEdit(QTime(8, 0), this))
    , m_senders(new QListWidget(this))
    , m_variants(new QTableWidget(0, 2, this))
    , m_holdOut(new QSpinBox(this))
    , m_numbers(new QPlainTextEdit(this))
    , m_recipientSource(new QButtonGroup(this))
    , m_recipientStack(new QStackedWidget(this))
    , m_segment(new AudienceSegmentForm(this))
    , m_audienceSummary(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_zone(new QLabel(this))
    , m_requireOptIn(new QCheckBox(
          tr("Only numbers with a recorded opt-in (needed for promotional texts)"), this))
    , m_previewTimer(new QTimer(this))
{
    m_name->setObjectName(u"campaignName"_s);
    m_name->setPlaceholderText(tr("Spring sale"));
    auto *kinds = new QHBoxLayout;
    const QList<std::pair<CampaignDraft::ScheduleKind, QString>> options{
        {CampaignDraft::ScheduleKind::Now, tr("Send now")},
        {CampaignDraft::ScheduleKind::AccountTime, tr("At a time")},
        {CampaignDraft::ScheduleKind::RecipientLocal, tr("At each recipient's local time")}};
    for (const auto &[kind, text] : options) {
        auto *button = new QRadioButton(text, this);
        button->setObjectName(u"schedule_"_s + CampaignDraft::scheduleToString(kind));
        m_scheduleKind->addButton(button, int(kind));
        kinds->addWidget(button);
    }
    m_scheduleKind->button(0)->setChecked(true);
    m_when->setObjectName(u"scheduleTime"_s);
    m_when->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    m_when->setDateTime(QDateTime::currentDateTime().addSecs(3600));
    m_when->setEnabled(false);
    // Its form label no longer names it: the time sits in a row with its zone.
    m_when->setAccessibleName(tr("Date and time"));
    m_zone->setObjectName(u"scheduleZone"_s);
    auto *when = new QHBoxLayout;
    when->addWidget(m_when);
    when->addWidget(m_zone, 1);
    m_requireOptIn->setObjectName(u"requireOptIn"_s);
    // Promotional texts need the customer's prior consent: the safe choice is the default.
    m_requireOptIn->setChecked(true);
    m_requireOptIn->setToolTip(
        tr("Promotional texts need the customer's consent. Untick only for transactional "
           "messages to numbers that expect them."));
    m_quietStart->setObjectName(u"quietStart"_s);
    m_quietEnd->setObjectName(u"quietEnd"_s);
    m_quietStart->setAccessibleName(tr("Quiet hours start"));
    m_quietEnd->setAccessibleName(tr("Quiet hours end"));
    m_quietStart->setDisplayFormat(u"HH:mm"_s);
    m_quietEnd->setDisplayFormat(u"HH:mm"_s);
    auto *quiet = new QHBoxLayout;
    quiet->addWidget(m_quietStart);
    quiet->addWidget(new QLabel(tr("to"), this));
    quiet->addWidget(m_quietEnd);
    quiet->addWidget(new QLabel(tr("recipient local time"), this), 1);
    m_senders->setObjectName(u"senderPool"_s);
    m_senders->setAccessibleName(tr("Sender pool"));
    m_senders->setMaximumHeight(90);
    m_variants->setObjectName(u"variants"_s);
    m_variants->setAccessibleName(tr("Variants"));
    m_variants->setHorizontalHeaderLabels({tr("Template version"), tr("Split %")});
    m_variants->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_variants->setMaximumHeight(120);
    auto *addVariantButton = new QPushButton(tr("Add variant"), this);
    addVariantButton->setObjectName(u"addVariant"_s);
    m_holdOut->setObjectName(u"holdOut"_s);
    m_holdOut->setRange(0, 50);
    m_holdOut->setSuffix(u" %"_s);
    m_numbers->setObjectName(u"recipients"_s);
    m_numbers->setAccessibleName(tr("Recipient numbers"));
    m_numbers->setPlaceholderText(tr("One number per line, in E.164 (+14155550123)"));
    m_preview->setObjectName(u"planPreview"_s);
    m_preview->setWordWrap(true);
    // Planning reads every recipient's contact: once the form settles, not per keystroke.
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    auto *schedule = new QPushButton(tr("Schedule"), this);
    schedule->setObjectName(u"scheduleButton"_s);
    schedule->setDefault(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Send"), kinds);
    form->addRow(tr("Date and time"), when);
    form->addRow(tr("Quiet hours"), quiet);
    form->addRow(tr("Sender pool"), m_senders);
    form->addRow(tr("Variants"), m_variants);
    form->addRow(QString(), addVariantButton);
    form->addRow(tr("Hold-out group"), m_holdOut);
    form->addRow(tr("Recipients"), buildRecipients());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(schedule, 0, Qt::AlignRight);

    const auto later = [this] { m_previewTimer->start(); };
    connect(m_previewTimer, &QTimer::timeout, this, &CampaignScheduleEditor::updatePreview);
    connect(m_scheduleKind, &QButtonGroup::idClicked, this, [this, later](int id) {
        m_when->setEnabled(id != int(CampaignDraft::ScheduleKind::Now));
        later();
    });
    connect(addVariantButton, &QPushButton::clicked, this, [this] {
        addVariant(QString(QChar(u'A' + m_variants->rowCount())), 0);
        splitEvenly();
    });
    connect(m_requireOptIn, &QCheckBox::toggled, this, later);
    for (QDateTimeEdit *edit : {m_when, static_cast<QDateTimeEdit *>(m_quietStart),
                                static_cast<QDateTimeEdit *>(m_quietEnd)})
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, later);
    connect(m_holdOut, &QSpinBox::valueChanged, this, later);
    connect(m_numbers, &QPlainTextEdit::textChanged, this, later);
    connect(m_senders, &QListWidget::itemChanged, this, later);
    connect(m_variants, &QTableWidget::cellChanged, this, later);
    connect(m_segment, &AudienceSegmentForm::segmentChanged, this,
            [this] { Q_EMIT audienceChanged(m_segment->segment()); });
    connect(m_recipientSource, &QButtonGroup::idClicked, this, [this, later](int id) {
        m_recipientStack->setCurrentIndex(id);
        later();
    });
    connect(schedule, &QPushButton::clicked, this, &CampaignScheduleEditor::requestSchedule);
    // Tab in reading order: the radio rows and buttons made here came after every field of
    // the member list, so Tab went from the last field back up to "Send now".
    QWidget *previous = m_name;
    for (QAbstractButton *kind : m_scheduleKind->buttons()) {
        QWidget::setTabOrder(previous, kind);
        previous = kind;
    }
    QWidget::setTabOrder(m_variants, addVariantButton);
    QWidget::setTabOrder(m_holdOut, m_recipientSource->button(int(RecipientSource::Audience)));
    QWidget::setTabOrder(m_recipientSource->button(int(RecipientSource::Audience)),
                         m_recipientSource->button(int(RecipientSource::Numbers)));
    setAccountZone(m_accountZone);
    updatePreview();
}

void CampaignScheduleEditor::setAccountZone(const QString &ianaId)
{
    m_accountZone = ianaId;
    const QTimeZone zone(ianaId.toUtf8());
    const QString offset =
        zone.isValid() ? zone.displayName(QDateTime::currentDateTime(), QTimeZone::OffsetName)
                       : QString();
    m_zone->setText(offset.isEmpty() || offset == ianaId ? tr("%1 time").arg(ianaId)
                                                         : tr("%1 time (%2)").arg(ianaId, offset));
}

void CampaignScheduleEditor::setConsentCheck(ConsentCheck check)
{
    m_consentCheck = std::move(check);
    m_previewTimer->start();
}

void CampaignScheduleEditor::splitEvenly()
{
    const int rows = m_variants->rowCount();
    if (rows == 0)
        return;
    const int share = 100 - m_holdOut->value();
    for (int row = 0; row < rows; ++row) {
        auto *split = qobject_cast<QSpinBox *>(m_variants->cellWidget(row, 1));
        split->setValue(share / rows + (row < share % rows ? 1 : 0));
    }
}

void CampaignScheduleEditor::setOptions(const QList<CampaignOptions::Choice> &senders,
                                        const QList<CampaignOptions::Choice> &versions)
{
    m_senderChoices = senders;
    m_versionChoices = versions;
    clear();
}

void CampaignScheduleEditor::clear()
{
    m_name->clear();
    m_senders->clear();
    for (const CampaignOptions::Choice &c : std::as_const(m_senderChoices)) {
        auto *item = new QListWidgetItem(c.label, m_senders);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_senders->count() == 1 ? Qt::Checked : Qt::Unchecked);
    }
    m_variants->setRowCount(0);
    addVariant(u"A"_s, 100);
    m_holdOut->setValue(0);
    m_numbers->clear();
    m_segment->clear();
    Q_EMIT audienceChanged(m_segment->segment());
    updatePreview();
}

void CampaignScheduleEditor::addVariant(const QString &label, int percent)
{
    const int row = m_variants->rowCount();
    m_variants->insertRow(row);
    m_variants->setVerticalHeaderItem(row, new QTableWidgetItem(label));
    auto *versions = new QComboBox(m_variants);
    for (const CampaignOptions::Choice &c : std::as_const(m_versionChoices))
        versions->addItem(c.label, c.id);
    versions->setCurrentIndex(std::min(row, int(versions->count()) - 1));
    connect(versions, &QComboBox::currentIndexChanged, m_previewTimer, qOverload<>(&QTimer::start));
    m_variants->setCellWidget(row, 0, versions);
    versions->setAccessibleName(tr("Template version of variant %1").arg(label));
    auto *split = new QSpinBox(m_variants);
    split->setRange(0, 100);
    split->setValue(percent);
    connect(split, &QSpinBox::valueChanged, m_previewTimer, qOverload<>(&QTimer::start));
    m_variants->setCellWidget(row, 1, split);
    split->setAccessibleName(tr("Split of variant %1, percent").arg(label));
    // Cell widgets join the focus chain at the window's end: Tab reaches them from the table.
    QWidget::setTabOrder(row > 0 ? m_variants->cellWidget(row - 1, 1) : m_variants, versions);
    QWidget::setTabOrder(versions, split);
    updatePreview();
}

QWidget *CampaignScheduleEditor::buildRecipients()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *sources = new QHBoxLayout;
    const QList<std::pair<RecipientSource, QString>> kinds{
        {RecipientSource::Audience, tr("An audience of contacts")},
        {RecipientSource::Numbers, tr("Numbers I paste")}};
    for (const auto &[kind, text] : kinds) {
        auto *button = new QRadioButton(text, box);
        button->setObjectName(kind == RecipientSource::Audience ? u"recipientsFromAudience"_s
                                                                : u"recipientsFromNumbers"_s);
        m_recipientSource->addButton(button, int(kind));
        sources->addWidget(button);
    }
    sources->addStretch();
    m_recipientSource->button(int(RecipientSource::Audience))->setChecked(true);
    auto *audience = new QWidget(box);
    auto *audienceLayout = new QVBoxLayout(audience);
    audienceLayout->setContentsMargins(0, 0, 0, 0);
    audienceLayout->addWidget(m_segment);
    m_audienceSummary->setObjectName(u"audienceSummary"_s);
    m_audienceSummary->setWordWrap(true);
    m_audienceSummary->setStyleSheet(u"font-weight: 600; color: #1d4ed8;"_s);
    audienceLayout->addWidget(m_audienceSummary);
    audienceLayout->addStretch();
    m_recipientStack->addWidget(audience);
    // Pasted numbers are not contacts whose consent anyone looked at: by default only those
    // with a recorded opt-in are texted.
    auto *pasted = new QWidget(box);
    auto *pastedLayout = new QVBoxLayout(pasted);
    pastedLayout->setContentsMargins(0, 0, 0, 0);
    pastedLayout->addWidget(m_numbers, 1);
    pastedLayout->addWidget(m_requireOptIn);
    m_recipientStack->addWidget(pasted);
    layout->addLayout(sources);
    layout->addWidget(m_recipientStack);
    return box;
}

void CampaignScheduleEditor::setPlanPreview(PlanPreview preview)
{
    m_planPreview = std::move(preview);
    updatePreview();
}

void CampaignScheduleEditor::setAudienceChoices(const QStringList &tags,
                                                const QStringList &attributeKeys)
{
    m_segment->setChoices(tags, attributeKeys);
}

AudienceQuery::Segment CampaignScheduleEditor::segment() const
{
    return m_segment->segment();
}

void CampaignScheduleEditor::setAudience(const AudienceQuery::Evaluation &evaluation)
{
    m_audienceNumbers.clear();
    for (qsizetype i : evaluation.filter.included)
        m_audienceNumbers.append(evaluation.contacts.at(i).number);
    QStringList reasons;
    for (int r = 0; r < SuppressionReasonCount; ++r) {
        if (const int n = evaluation.filter.count(SuppressionReason(r)); n > 0)
            reasons.append(u"%1: %2"_s.arg(AudiencePage::reasonLabel(SuppressionReason(r))).arg(n));
    }
    QString text = tr("%1 of %2 contacts in the segment will be texted.")
                       .arg(evaluation.included())
                       .arg(evaluation.matched());
    if (!reasons.isEmpty())
        text += u' ' + tr("Left out: %1.").arg(reasons.join(u"; "_s));
    m_audienceSummary->setText(text);
    m_previewTimer->start();
}

void CampaignScheduleEditor::showAudienceError(const QString &message)
{
    m_audienceNumbers.clear();
    m_audienceSummary->setText(message);
    m_previewTimer->start();
}

void CampaignScheduleEditor::setRecipientSource(RecipientSource source)
{
    m_recipientSource->button(int(source))->setChecked(true);
    m_recipientStack->setCurrentIndex(int(source));
    m_previewTimer->start();
}

CampaignScheduleEditor::RecipientSource CampaignScheduleEditor::recipientSource() const
{
    return RecipientSource(m_recipientSource->checkedId());
}

void CampaignScheduleEditor::setRecipients(const QStringList &numbers)
{
    m_numbers->setPlainText(numbers.join(u'\n'));
    setRecipientSource(RecipientSource::Numbers);
}

QStringList CampaignScheduleEditor::candidates() const
{
    if (recipientSource() == RecipientSource::Audience)
        return m_audienceNumbers;
    QStringList numbers;
    for (const QString &line : m_numbers->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            numbers.append(line.trimmed());
    }
    return numbers;
}

QStringList CampaignScheduleEditor::recipients() const
{
    QStringList numbers = candidates();
    if (numbers.isEmpty() || recipientSource() != RecipientSource::Numbers ||
        !m_requireOptIn->isChecked() || !m_consentCheck)
        return numbers;
    const QStringList unconsented = m_consentCheck(numbers);
    numbers.removeIf([&](const QString &n) { return unconsented.contains(n); });
    return numbers;
}

bool CampaignScheduleEditor::untouched() const
{
    return m_name->text().trimmed().isEmpty() && candidates().isEmpty();
}

QString CampaignScheduleEditor::previewText() const
{
    return m_preview->text();
}

void CampaignScheduleEditor::showError(const QString &message)
{
    m_preview->setText(tr("Not scheduled: %1").arg(message));
}

CampaignDraft CampaignScheduleEditor::draft(QString *error) const
{
    CampaignDraft d;
    d.name = m_name->text().trimmed();
    d.schedule = CampaignDraft::ScheduleKind(m_scheduleKind->checkedId());
    d.date = m_when->date();
    d.time = m_when->time();
    d.accountZone = m_accountZone;
    // Quiet hours are the complement of the send window.
    d.windowStartMinute = m_quietEnd->time().msecsSinceStartOfDay() / 60000;
    d.windowEndMinute = m_quietStart->time().msecsSinceStartOfDay() / 60000;
    if (d.windowStartMinute == d.windowEndMinute) {
        d.windowStartMinute = 0;
        d.windowEndMinute = 1440;
    }
    d.holdOutPercent = m_holdOut->value();
    for (int i = 0; i < m_senders->count(); ++i) {
        if (m_senders->item(i)->checkState() == Qt::Checked && i < m_senderChoices.size())
            d.senderIds.append(m_senderChoices.at(i).id);
    }
    for (int row = 0; row < m_variants->rowCount(); ++row) {
        const auto *versions = qobject_cast<QComboBox *>(m_variants->cellWidget(row, 0));
        const auto *split = qobject_cast<QSpinBox *>(m_variants->cellWidget(row, 1));
        d.variants.append({m_variants->verticalHeaderItem(row)->text(),
                           versions->currentData().toLongLong(), split->value()});
    }
    QString problem;
    int total = d.holdOutPercent;
    for (const CampaignDraft::Variant &v : std::as_const(d.variants))
        total += v.percent;
    if (d.senderIds.isEmpty())
        problem = tr("Choose at least one sender number.");
    else if (m_versionChoices.isEmpty())
        problem = tr("There is no approved template version to send.");
    else if (total != 100)
        problem = tr("The variants and the hold-out add up to %1 %, not 100 %.").arg(total);
    else if (d.name.isEmpty())
        problem = tr("Give the campaign a name.");
    if (error)
        *error = problem;
    return d;
}

void CampaignScheduleEditor::updatePreview()
{
    m_previewTimer->stop();
    m_previewFinish = 0;
    QString error;
    const CampaignDraft d = draft(&error);
    // Before the user entered anything there is nothing to plan and nothing wrong yet.
    if (untouched() && (error.isEmpty() || error.startsWith(tr("Give")))) {
        m_preview->setText(tr("Name the campaign and choose its recipients to see when it "
                              "would finish."));
        return;
    }
    const QStringList numbers = recipients();
    const qsizetype withoutOptIn = candidates().size() - numbers.size();
    const QString leftOut = withoutOptIn > 0
                                ? tr("%1 of %2 numbers have no recorded opt-in and are left out.")
                                          .arg(withoutOptIn)
                                          .arg(candidates().size()) +
                                      u' '
                                : QString();
    if (numbers.isEmpty() && error.isEmpty())
        error = withoutOptIn > 0 ? tr("No number has a recorded opt-in.")
                : recipientSource() == RecipientSource::Audience
                    ? tr("The audience has no one to text: choose other tags or attributes.")
                    : tr("Add the recipients' numbers.");
    // A missing name does not stop the preview: the plan does not depend on it.
    if (!error.isEmpty() && !error.startsWith(tr("Give"))) {
        m_preview->setText(leftOut + error);
        return;
    }
    if (!m_planPreview) {
        m_preview->setText(numbers.size() == 1 ? tr("1 text.")
                                               : tr("%1 texts.").arg(numbers.size()));
        return;
    }
    const CampaignPlanner::Result plan = m_planPreview(d, numbers);
    if (!plan.ok()) {
        m_preview->setText(plan.error);
        return;
    }
    m_previewFinish = plan.finishMSecs;
    m_preview->setText(
        leftOut +
        // Two whole sentences, not "%n text(s)": no English plural forms are loaded.
        (numbers.size() - plan.heldOut == 1 ? tr("1 text, %2 held out. Expected finish: %3%4")
                                            : tr("%1 texts, %2 held out. Expected finish: %3%4")
                                                  .arg(numbers.size() - plan.heldOut))
            .arg(plan.heldOut)
            .arg(QDateTime::fromMSecsSinceEpoch(plan.finishMSecs).toString(u"yyyy-MM-dd HH:mm"_s))
            .arg(plan.deferredByQuietHours > 0
                     ? tr(" (%1 wait for the end of quiet hours)").arg(plan.deferredByQuietHours)
                     : QString()));
}

void CampaignScheduleEditor::requestSchedule()
{
    QString error;
    const CampaignDraft d = draft(&error);
    if (!error.isEmpty()) {
        m_preview->setText(error);
        return;
    }
    // The segment as it reads now, even when a change has not settled into a count yet.
    if (recipientSource() == RecipientSource::Audience)
        Q_EMIT audienceChanged(m_segment->segment());
    if (recipients().isEmpty()) {
        updatePreview(); // says what is missing
        return;
    }
    Q_EMIT scheduleRequested(d, recipients());
}
