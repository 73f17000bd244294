#include "AudiencePage.h"

#include "StoreWriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            items << part.trimmed();
    }
    return items;
}

} // namespace

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

AudiencePage::AudiencePage(QSqlDatabase reader, StoreWriter *writer, qint64 accountId,
                           QWidget *parent)
    : QWidget(parent)
    , m_reader(std::move(reader))
    , m_writer(writer)
    , m_accountId(accountId)
    , m_tags(new QLineEdit)
    , m_excludedTags(new QLineEdit)
    , m_attributeKey(new QComboBox)
    , m_attributeValue(new QLineEdit)
    , m_consent(new QComboBox)
    , m_promotional(new QCheckBox(tr("Promotional campaign (the frequency cap applies)")))
    , m_capPerDay(new QSpinBox)
    , m_capPerWeek(new QSpinBox)
    , m_suppressOpenThreads(new QCheckBox(tr("Leave out contacts with an open conversation")))
    , m_included(new QLabel)
    , m_matched(new QLabel)
    , m_exclusions(new QTableWidget(SuppressionReasonCount, 2))
    , m_knownTags(new QLabel)
    , m_recountTimer(new QTimer(this))
{
    setObjectName(u"audiencePage"_s);
    m_tags->setObjectName(u"tagsEdit"_s);
    m_excludedTags->setObjectName(u"excludedTagsEdit"_s);
    m_attributeKey->setObjectName(u"attributeKey"_s);
    m_attributeValue->setObjectName(u"attributeValue"_s);
    m_consent->setObjectName(u"consentCombo"_s);
    m_promotional->setObjectName(u"promotionalCheck"_s);
    m_capPerDay->setObjectName(u"capPerDay"_s);
    m_capPerWeek->setObjectName(u"capPerWeek"_s);
    m_suppressOpenThreads->setObjectName(u"suppressOpenThreads"_s);
    m_included->setObjectName(u"includedLabel"_s);
    m_matched->setObjectName(u"matchedLabel"_s);
    m_exclusions->setObjectName(u"exclusionTable"_s);

    m_tags->setPlaceholderText(tr("every one of these tags, e.g. vip, newsletter"));
    m_excludedTags->setPlaceholderText(tr("none of these tags"));
    m_attributeValue->setPlaceholderText(tr("value"));
    m_consent->addItem(tr("Everyone not opted out"), int(AudienceQuery::Segment::Consent::Any));
    m_consent->addItem(tr("Only recorded opt-ins"),
                       int(AudienceQuery::Segment::Consent::OptedInOnly));
    m_consent->addItem(tr("Only contacts with no consent record"),
                       int(AudienceQuery::Segment::Consent::NoRecord));
    m_promotional->setChecked(true);
    m_knownTags->setStyleSheet(u"color: #6b7280;"_s);
    m_knownTags->setWordWrap(true);
    for (QSpinBox *spin : {m_capPerDay, m_capPerWeek}) {
        spin->setRange(0, 100);
        spin->setSpecialValueText(tr("no cap"));
    }
    m_included->setStyleSheet(u"font-size: 20pt; font-weight: 600; color: #1d4ed8;"_s);
    m_matched->setStyleSheet(u"color: #374151;"_s);
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
    m_recountTimer->setSingleShot(true);
    m_recountTimer->setInterval(150);

    auto *segmentBox = new QGroupBox(tr("Segment"));
    auto *segmentForm = new QFormLayout(segmentBox);
    segmentForm->addRow(tr("Tags"), m_tags);
    segmentForm->addRow(QString(), m_knownTags);
    segmentForm->addRow(tr("Except tags"), m_excludedTags);
    auto *attributeRow = new QHBoxLayout;
    attributeRow->addWidget(m_attributeKey);
    attributeRow->addWidget(new QLabel(u"="_s));
    attributeRow->addWidget(m_attributeValue, 1);
    segmentForm->addRow(tr("Attribute"), attributeRow);
    segmentForm->addRow(tr("Consent"), m_consent);
    segmentForm->addRow(QString(), m_promotional);

    auto *rulesBox = new QGroupBox(tr("Account rules"));
    auto *rulesForm = new QFormLayout(rulesBox);
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

    const auto later = [this] { m_recountTimer->start(); };
    connect(m_tags, &QLineEdit::textChanged, this, later);
    connect(m_excludedTags, &QLineEdit::textChanged, this, later);
    connect(m_attributeKey, &QComboBox::currentIndexChanged, this, later);
    connect(m_attributeValue, &QLineEdit::textChanged, this, later);
    connect(m_consent, &QComboBox::currentIndexChanged, this, later);
    connect(m_promotional, &QCheckBox::toggled, this, later);
    connect(m_recountTimer, &QTimer::timeout, this, &AudiencePage::recount);
    connect(m_capPerDay, &QSpinBox::valueChanged, this, &AudiencePage::saveSettings);
    connect(m_capPerWeek, &QSpinBox::valueChanged, this, &AudiencePage::saveSettings);
    connect(m_suppressOpenThreads, &QCheckBox::toggled, this, &AudiencePage::saveSettings);

    reload();
}

void AudiencePage::reload()
{
    AudienceQuery query(m_reader);
    const QStringList tags = query.tags(m_accountId);
    m_knownTags->setText(tags.isEmpty() ? tr("No contact has tags yet")
                                        : tr("Known tags: %1").arg(tags.join(u", "_s)));
    {
        const QSignalBlocker block(m_attributeKey);
        const QString key = m_attributeKey->currentData().toString();
        m_attributeKey->clear();
        m_attributeKey->addItem(tr("(any)"), QString());
        for (const QString &k : query.attributeKeys(m_accountId))
            m_attributeKey->addItem(k, k);
        m_attributeKey->setCurrentIndex(qMax(0, m_attributeKey->findData(key)));
    }
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
    AudienceQuery::Segment s;
    s.allTags = splitList(m_tags->text());
    s.excludedTags = splitList(m_excludedTags->text());
    const QString key = m_attributeKey->currentData().toString();
    if (!key.isEmpty())
        s.attributes = {{key, m_attributeValue->text().trimmed()}};
    s.consent = AudienceQuery::Segment::Consent(m_consent->currentData().toInt());
    return s;
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
    AudienceQuery query(m_reader);
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
    emit audienceCounted(evaluation->matched(), included);
}

void AudiencePage::saveSettings()
{
    AudienceFilter::Settings settings;
    settings.frequencyCap = FrequencyCap(m_capPerDay->value(), m_capPerWeek->value());
    settings.suppressOpenThreads = m_suppressOpenThreads->isChecked();
    const qint64 account = m_accountId;
    m_writer->post(
        [=](WriterContext &context) {
            AudienceQuery query(context.db());
            return query.saveSettings(account, settings) ? QString() : query.errorString();
        },
        this,
        [this](const QString &error) {
            if (!error.isEmpty()) {
                m_matched->setText(error);
                return;
            }
            recount();
            emit settingsSaved();
        });
}
