#include "AudienceSegmentForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

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

AudienceSegmentForm::AudienceSegmentForm(QWidget *parent)
    : QWidget(parent)
    , m_tags(new QLineEdit(this))
    , m_excludedTags(new QLineEdit(this))
    , m_attributeKey(new QComboBox(this))
    , m_attributeValue(new QLineEdit(this))
    , m_consent(new QComboBox(this))
    , m_knownTags(new QLabel(this))
    , m_settle(new QTimer(this))
{
    m_tags->setObjectName(u"tagsEdit"_s);
    m_excludedTags->setObjectName(u"excludedTagsEdit"_s);
    m_attributeKey->setObjectName(u"attributeKey"_s);
    m_attributeValue->setObjectName(u"attributeValue"_s);
    m_consent->setObjectName(u"consentCombo"_s);
    // One form row holds both: the row's label names the first, the second says its part.
    m_attributeKey->setAccessibleName(tr("Attribute"));
    m_attributeValue->setAccessibleName(tr("Attribute value"));
    m_tags->setPlaceholderText(tr("every one of these tags, e.g. vip, newsletter"));
    m_excludedTags->setPlaceholderText(tr("none of these tags"));
    m_attributeValue->setPlaceholderText(tr("value"));
    m_attributeKey->addItem(tr("(any)"), QString());
    m_consent->addItem(tr("Everyone not opted out"), int(AudienceQuery::Segment::Consent::Any));
    m_consent->addItem(tr("Only recorded opt-ins"),
                       int(AudienceQuery::Segment::Consent::OptedInOnly));
    m_consent->addItem(tr("Only contacts with no consent record"),
                       int(AudienceQuery::Segment::Consent::NoRecord));
    m_knownTags->setStyleSheet(u"color: #6b7280;"_s);
    m_knownTags->setWordWrap(true);
    m_settle->setSingleShot(true);
    m_settle->setInterval(150);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Tags"), m_tags);
    form->addRow(QString(), m_knownTags);
    form->addRow(tr("Except tags"), m_excludedTags);
    auto *attributeRow = new QHBoxLayout;
    attributeRow->addWidget(m_attributeKey);
    attributeRow->addWidget(new QLabel(u"="_s, this));
    attributeRow->addWidget(m_attributeValue, 1);
    form->addRow(tr("Attribute"), attributeRow);
    form->addRow(tr("Consent"), m_consent);

    const auto later = [this] { m_settle->start(); };
    connect(m_tags, &QLineEdit::textChanged, this, later);
    connect(m_excludedTags, &QLineEdit::textChanged, this, later);
    connect(m_attributeKey, &QComboBox::currentIndexChanged, this, later);
    connect(m_attributeValue, &QLineEdit::textChanged, this, later);
    connect(m_consent, &QComboBox::currentIndexChanged, this, later);
    connect(m_settle, &QTimer::timeout, this, &AudienceSegmentForm::segmentChanged);
}

void AudienceSegmentForm::setChoices(const QStringList &tags, const QStringList &attributeKeys)
{
    m_knownTags->setText(tags.isEmpty() ? tr("No contact has tags yet")
                                        : tr("Known tags: %1").arg(tags.join(u", "_s)));
    const QSignalBlocker block(m_attributeKey);
    const QString key = m_attributeKey->currentData().toString();
    m_attributeKey->clear();
    m_attributeKey->addItem(tr("(any)"), QString());
    for (const QString &k : attributeKeys)
        m_attributeKey->addItem(k, k);
    m_attributeKey->setCurrentIndex(qMax(0, m_attributeKey->findData(key)));
}

void AudienceSegmentForm::clear()
{
    const QSignalBlocker b1(m_tags), b2(m_excludedTags), b3(m_attributeKey), b4(m_attributeValue),
        b5(m_consent);
    m_tags->clear();
    m_excludedTags->clear();
    m_attributeKey->setCurrentIndex(0);
    m_attributeValue->clear();
    m_consent->setCurrentIndex(0);
    m_settle->stop();
}

AudienceQuery::Segment AudienceSegmentForm::segment() const
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
