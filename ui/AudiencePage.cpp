#include "AudiencePage.h"

#include "AudienceSegmentForm.h"
#include "ContactCommands.h"
#include "StoreReader.h"
#include "StoreWriter.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QString AudiencePage::reasonLabel(SuppressionReason reason)
{
    switch (reason) {
    case SuppressionReason::InvalidNumber:
        return tr("Invalid number");
    case SuppressionReason::Unsubscribed:
        return tr("Unsubscribed (opted out)");
    case SuppressionReason::NotTextEnabled:
        return tr("Not text-enabled");
    case SuppressionReason::Duplicate:
        return tr("Duplicate number");
    case SuppressionReason::OpenSupportThread:
        return tr("Open support conversation");
    case SuppressionReason::FrequencyCap:
        return tr("Frequency cap reached");
    }
    return {};
}

AudiencePage::AudiencePage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                           QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(new ContactCommands(writer, accountId, QString(), this))
    , m_accountId(accountId)
    , m_segment(new AudienceSegmentForm)
    , m_promotional(new QCheckBox(tr("Promotional campaign (the frequency cap applies)")))
    , m_capPerDay(new QSpinBox)
    , m_capPerWeek(new QSpinBox)
    , m_suppressOpenThreads(new QCheckBox(tr("Leave out contacts with an open conversation")))
    , m_included(new QLabel)
    , m_matched(new QLabel)
    , m_exclusions(new QTableWidget(SuppressionReasonCount, 2))
{
    setObjectName(u"audiencePage"_s);
    m_promotional->setObjectName(u"promotionalCheck"_s);
    m_capPerDay->setObjectName(u"capPerDay"_s);
    m_capPerWeek->setObjectName(u"capPerWeek"_s);
    m_suppressOpenThreads->setObjectName(u"suppressOpenThreads"_s);
    m_included->setObjectName(u"includedLabel"_s);
    m_matched->setObjectName(u"matchedLabel"_s);
    m_exclusions->setObjectName(u"exclusionTable"_s);
    m_exclusions->setAccessibleName(tr("Contacts left out, by reason"));

    m_promotional->setChecked(true);
    for (QSpinBox *spin : {m_capPerDay, m_capPerWeek}) {
        spin->setRange(0, 100);
        spin->setSpecialValueText(tr("no cap"));
    }
    m_included->setStyleSheet(u"font-size: 20pt; font-weight: 600; color: #1d4ed8;"_s);
    m_matched->setStyleSheet(u"color: #374151;"_s);
    m_included->setWordWrap(true);
    m_matched->setWordWrap(true);
    m_exclusions->setHorizontalHeaderLabels({tr("Left out because"), tr("Contacts")});
    m_exclusions->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_exclusions->verticalHeader()->setVisible(false);
    m_exclusions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_exclusions->setSelectionMode(QAbstractItemView::NoSelection);
    for (int r = 0; r < SuppressionReasonCount; ++r) {
        m_exclusions->setItem(r, 0, new QTableWidgetItem(reasonLabel(SuppressionReason(r))));
        auto *count = new QTableWidgetItem;
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_exclusions->setItem(r, 1, count);
    }

    auto *segmentBox = new QGroupBox(tr("Segment"));
    auto *segmentLayout = new QVBoxLayout(segmentBox);
    segmentLayout->addWidget(m_segment);
    segmentLayout->addWidget(m_promotional);

    auto *rulesBox = new QGroupBox(tr("Account rules"));
    auto *rulesForm = new QFormLayout(rulesBox);
    // Labels above their fields: the page fits beside a 1024-pixel window's sidebar.
    rulesForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *capRow = new QHBoxLayout;
    capRow->addWidget(m_capPerDay);
    capRow->addWidget(new QLabel(tr("a day,")));
    capRow->addWidget(m_capPerWeek);
    capRow->addWidget(new QLabel(tr("in 7 days")));
    capRow->addStretch();
    rulesForm->addRow(tr("Promotional texts at most"), capRow);
    rulesForm->addRow(QString(), m_suppressOpenThreads);

    auto *left = new QVBoxLayout;
    left->addWidget(segmentBox);
    left->addWidget(rulesBox);
    left->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(m_included);
    right->addWidget(m_matched);
    right->addWidget(m_exclusions, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(left, 3);
    layout->addSpacing(16);
    layout->addLayout(right, 2);

    connect(m_segment, &AudienceSegmentForm::segmentChanged, this, &AudiencePage::recount);
    connect(m_promotional, &QCheckBox::toggled, this, &AudiencePage::recount);
    connect(m_capPerDay, &QSpinBox::valueChanged, this, &AudiencePage::saveSettings);
    connect(m_capPerWeek, &QSpinBox::valueChanged, this, &AudiencePage::saveSettings);
    connect(m_suppressOpenThreads, &QCheckBox::toggled, this, &AudiencePage::saveSettings);
    if (writer)
        connect(writer->changes(), &ChangeFeed::changed, this, &AudiencePage::follow);

    reload();
}

void AudiencePage::reload()
{
    auto query = m_reader.make<AudienceQuery>();
    m_segment->setChoices(query.tags(m_accountId), query.attributeKeys(m_accountId));
    if (const auto settings = query.settings(m_accountId)) {
        const QSignalBlocker b1(m_capPerDay), b2(m_capPerWeek), b3(m_suppressOpenThreads);
        m_capPerDay->setValue(settings->frequencyCap.maxPerDay());
        m_capPerWeek->setValue(settings->frequencyCap.maxPerWeek());
        m_suppressOpenThreads->setChecked(settings->suppressOpenThreads);
    }
    recount();
}

AudienceQuery::Segment AudiencePage::segment() const
{
    return m_segment->segment();
}

AudienceQuery::Options AudiencePage::options() const
{
    AudienceQuery::Options o;
    o.atMs = QDateTime::currentMSecsSinceEpoch();
    o.promotional = m_promotional->isChecked();
    return o;
}

void AudiencePage::recount()
{
    auto query = m_reader.make<AudienceQuery>();
    const auto evaluation = query.evaluate(m_accountId, segment(), options());
    if (!evaluation) {
        m_included->setText(tr("—"));
        m_matched->setText(query.errorString());
        return;
    }
    const int included = evaluation->included();
    m_included->setText(included == 1 ? tr("1 contact will be texted")
                                      : tr("%1 contacts will be texted").arg(included));
    m_matched->setText(tr("%1 in the segment, %2 left out")
                           .arg(evaluation->matched())
                           .arg(evaluation->filter.excludedCount()));
    for (int r = 0; r < SuppressionReasonCount; ++r)
        m_exclusions->item(r, 1)->setText(
            QString::number(evaluation->filter.count(SuppressionReason(r))));
    Q_EMIT audienceCounted(evaluation->matched(), included);
}

void AudiencePage::saveSettings()
{
    AudienceFilter::Settings settings;
    settings.frequencyCap = FrequencyCap(m_capPerDay->value(), m_capPerWeek->value());
    settings.suppressOpenThreads = m_suppressOpenThreads->isChecked();
    m_commands->saveAudienceSettings(settings, [this](const CommandResult &result) {
        if (!result.ok) {
            m_matched->setText(result.error);
            return;
        }
        // The counts were taken again when the feed delivered the change (follow()).
        Q_EMIT settingsSaved();
    });
}

void AudiencePage::follow(const ChangeSet &changes)
{
    using Table = ChangeSet::Table;
    // Contacts and consent (an import, an opt-out) change the choices and the counts; the
    // account's settings only the counts: the spin boxes keep what is being typed. Threads
    // change all day long and only move the open-thread suppression: counted on the next
    // change of the segment.
    if (changes.touches(Table::Contacts) || changes.touches(Table::ConsentEvents))
        reload();
    else if (changes.touches(Table::Accounts))
        recount();
}
