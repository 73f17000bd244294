#include "TemplateEditorPage.h"

#include "TeamPermissions.h"
#include "TemplateApprovalRule.h"

#include "ContactValues.h"
#include "OptOutLine.h"
#include "StoreReader.h"
#include "StoreWriter.h"
#include "TemplateCommands.h"
#include "TemplatePreview.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Stage = TemplateVersionState::Stage;

namespace {

const TemplateType Types[] = {TemplateType::Transactional, TemplateType::Promotional,
                              TemplateType::Reminder, TemplateType::Otp, TemplateType::FollowUp};

QString typeLabel(TemplateType type)
{
    switch (type) {
    case TemplateType::Transactional:
        return TemplateEditorPage::tr("Transactional");
    case TemplateType::Promotional:
        return TemplateEditorPage::tr("Promotional");
    case TemplateType::Reminder:
        return TemplateEditorPage::tr("Reminder");
    case TemplateType::Otp:
        return TemplateEditorPage::tr("One-time code");
    case TemplateType::FollowUp:
        return TemplateEditorPage::tr("Follow-up");
    }
    return {};
}

QString money(double amount, const QString &unit)
{
    return QLocale::c().toString(amount, 'f', amount < 1 ? 4 : 2) + u' ' + unit;
}

} // namespace

QString TemplateEditorPage::counterText(const SegmentCount &count)
{
    const QString encoding = SegmentCount::encodingName(count.encoding);
    if (count.segments == 1)
        return tr("%1 · 1 segment · %2 characters").arg(encoding).arg(count.characters);
    return tr("%1 · %2 segments · %3 characters")
        .arg(encoding)
        .arg(count.segments)
        .arg(count.characters);
}

TemplateEditorPage::TemplateEditorPage(const StoreReader &reader, StoreWriter *writer,
                                       qint64 accountId, QString me, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(new TemplateCommands(writer, accountId, me, this))
    , m_accountId(accountId)
    , m_me(std::move(me))
    , m_list(new QListWidget)
    , m_name(new QLineEdit)
    , m_type(new QComboBox)
    , m_body(new QPlainTextEdit)
    , m_addOptOut(new QPushButton(tr("Add opt-out line")))
    , m_errors(new QLabel)
    , m_fields(new QLabel)
    , m_counter(new QLabel)
    , m_longest(new QLabel)
    , m_cost(new QLabel)
    , m_audienceCombo(new QComboBox)
    , m_previewContact(new QComboBox)
    , m_preview(new QLabel)
    , m_state(new QLabel)
    , m_save(new QPushButton(tr("Save draft")))
    , m_approve(new QPushButton(tr("Approve")))
    , m_retire(new QPushButton(tr("Retire")))
    , m_liveTimer(new QTimer(this))
{
    setObjectName(u"templateEditorPage"_s);
    m_list->setObjectName(u"templateList"_s);
    m_list->setAccessibleName(tr("Templates"));
    m_name->setObjectName(u"templateName"_s);
    m_type->setObjectName(u"templateType"_s);
    m_body->setObjectName(u"templateBody"_s);
    m_body->setAccessibleName(tr("Text"));
    m_addOptOut->setObjectName(u"addOptOutButton"_s);
    m_errors->setObjectName(u"templateErrors"_s);
    m_fields->setObjectName(u"availableFields"_s);
    m_fields->setWordWrap(true);
    m_fields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fields->setStyleSheet(u"color: #374151;"_s);
    m_counter->setObjectName(u"segmentCounter"_s);
    m_longest->setObjectName(u"longestRendering"_s);
    m_longest->setStyleSheet(u"color: #6b7280;"_s);
    m_body->setMaximumHeight(180);
    m_cost->setObjectName(u"costEstimate"_s);
    m_cost->setWordWrap(true);
    m_audienceCombo->setObjectName(u"audienceCombo"_s);
    m_previewContact->setObjectName(u"previewContact"_s);
    m_preview->setObjectName(u"previewText"_s);
    m_state->setObjectName(u"versionState"_s);
    m_save->setObjectName(u"saveButton"_s);
    m_approve->setObjectName(u"approveButton"_s);
    m_retire->setObjectName(u"retireButton"_s);

    for (const TemplateType type : Types)
        m_type->addItem(typeLabel(type), int(type));
    m_name->setPlaceholderText(tr("Template name"));
    m_body->setPlaceholderText(tr("Hi {{first_name|there}}, ..."));
    m_errors->setWordWrap(true);
    m_errors->setStyleSheet(u"color: #b91c1c;"_s);
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setMinimumHeight(60);
    m_preview->setMaximumWidth(420);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setStyleSheet(
        u"background: #dbe6fe; border-radius: 12px; padding: 10px; color: #111827;"_s);
    m_counter->setStyleSheet(u"font-weight: 600;"_s);
    m_state->setStyleSheet(u"color: #374151;"_s);
    m_state->setWordWrap(true); // "draft by Mia · a teammate approves it" in a narrow window
    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(120);

    auto *newButton = new QPushButton(tr("New template"));
    newButton->setObjectName(u"newTemplateButton"_s);
    m_new = newButton;
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(8, 8, 8, 8);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(newButton);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Type"), m_type);
    auto *bodyRow = new QVBoxLayout;
    bodyRow->addWidget(m_body, 1);
    auto *bodyBar = new QHBoxLayout;
    bodyBar->addWidget(m_counter);
    bodyBar->addWidget(m_longest, 1);
    bodyBar->addWidget(m_addOptOut);
    bodyRow->addLayout(bodyBar);
    form->addRow(tr("Text"), bodyRow);
    form->addRow(QString(), m_errors);
    form->addRow(tr("Fields"), m_fields);
    form->addRow(tr("Audience"), m_audienceCombo);
    form->addRow(tr("Cost"), m_cost);
    form->addRow(tr("Preview for"), m_previewContact);
    form->addRow(QString(), m_preview);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_state, 1);
    actions->addWidget(m_save);
    actions->addWidget(m_approve);
    actions->addWidget(m_retire);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(12, 8, 12, 8);
    rightLayout->addLayout(form);
    rightLayout->addStretch(1);
    rightLayout->addLayout(actions);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 600});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_templates.size())
            selectTemplate(m_templates.at(row).id);
    });
    connect(newButton, &QPushButton::clicked, this, &TemplateEditorPage::newTemplate);
    connect(m_body, &QPlainTextEdit::textChanged, m_liveTimer, qOverload<>(&QTimer::start));
    connect(m_name, &QLineEdit::textChanged, this, &TemplateEditorPage::updateState);
    connect(m_type, &QComboBox::currentIndexChanged, m_liveTimer, qOverload<>(&QTimer::start));
    connect(m_liveTimer, &QTimer::timeout, this, &TemplateEditorPage::updateLive);
    connect(m_audienceCombo, &QComboBox::currentIndexChanged, this,
            &TemplateEditorPage::loadAudience);
    connect(m_previewContact, &QComboBox::currentIndexChanged, this,
            &TemplateEditorPage::updatePreview);
    connect(m_addOptOut, &QPushButton::clicked, this,
            [this] { m_body->setPlainText(OptOutLine::appendTo(m_body->toPlainText())); });
    connect(m_save, &QPushButton::clicked, this, &TemplateEditorPage::save);
    connect(m_approve, &QPushButton::clicked, this, &TemplateEditorPage::approve);
    connect(m_retire, &QPushButton::clicked, this, &TemplateEditorPage::retire);
    // Contacts are not followed: re-reading would reset a draft being typed; reload() on
    // demand picks them up.
    if (writer) {
        connect(writer->changes(), &ChangeFeed::changed, this, [this](const ChangeSet &changes) {
            if (changes.touches(ChangeSet::Table::Templates) ||
                changes.touches(ChangeSet::Table::TemplateVersions))
                reload();
        });
    }

    reload();
}

void TemplateEditorPage::reload()
{
    const qint64 keep = m_current ? m_current->id : 0;
    auto rows = m_reader.make<TemplateRows>();
    m_templates = rows.list(m_accountId);
    m_attributeNames = rows.attributeNames(m_accountId);
    {
        // An imported column (company, plan, ...) is a field as much as first_name is.
        QStringList tokens;
        for (const QString &field : TemplateText::contactFields() + m_attributeNames) {
            const QString token = u"{{"_s + field + u"}}"_s;
            if (!tokens.contains(token))
                tokens << token;
        }
        m_fields->setText(tokens.join(u"  "_s));
    }
    m_price = rows.segmentPrice(m_accountId).value_or(TemplateRows::SegmentPrice{0, u"USD"_s});

    const QString audience = m_audienceCombo->currentData().toString();
    {
        const QSignalBlocker block(m_audienceCombo);
        m_audienceCombo->clear();
        m_audienceCombo->addItem(tr("All contacts"), QString());
        for (const QString &tag : m_reader.make<AudienceQuery>().tags(m_accountId))
            m_audienceCombo->addItem(tr("Tagged %1").arg(tag), tag);
        m_audienceCombo->setCurrentIndex(qMax(0, m_audienceCombo->findData(audience)));
    }
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const TemplateRows::Summary &s : std::as_const(m_templates)) {
            m_list->addItem(
                tr("%1\nv%2 · %3 · %4")
                    .arg(s.name)
                    .arg(s.latest.number)
                    .arg(TemplateVersionState::toString(s.latest.stage), typeLabel(s.type)));
        }
    }
    loadAudience();
    if (keep != 0)
        selectTemplate(keep);
    else if (!m_templates.isEmpty())
        selectTemplate(m_templates.first().id);
    else
        newTemplate();
}

void TemplateEditorPage::selectTemplate(qint64 templateId)
{
    m_current.reset();
    for (qsizetype i = 0; i < m_templates.size(); ++i) {
        if (m_templates.at(i).id == templateId) {
            m_current = m_templates.at(i);
            const QSignalBlocker block(m_list);
            m_list->setCurrentRow(int(i));
        }
    }
    if (!m_current)
        return newTemplate();
    m_name->setText(m_current->name);
    m_type->setCurrentIndex(m_type->findData(int(m_current->type)));
    m_body->setPlainText(m_current->latest.body);
    updateLive();
}

void TemplateEditorPage::newTemplate()
{
    m_current.reset();
    {
        const QSignalBlocker block(m_list);
        m_list->setCurrentRow(-1);
    }
    m_name->clear();
    m_type->setCurrentIndex(0);
    m_body->clear();
    updateLive();
}

void TemplateEditorPage::loadAudience()
{
    AudienceQuery::Segment segment;
    const QString tag = m_audienceCombo->currentData().toString();
    if (!tag.isEmpty())
        segment.allTags = {tag};
    auto query = m_reader.make<AudienceQuery>();
    m_audience = query.contacts(m_accountId, segment).value_or(QList<AudienceQuery::Contact>());
    m_audienceValues.clear();
    m_audienceValues.reserve(m_audience.size());
    const QSignalBlocker block(m_previewContact);
    m_previewContact->clear();
    for (const AudienceQuery::Contact &c : std::as_const(m_audience)) {
        m_audienceValues.append(ContactValues::forContact(c.name, c.number, c.attributesJson));
        // A long audience lists its first contacts; the counter still covers all of them.
        if (m_previewContact->count() < 500)
            m_previewContact->addItem(c.name.isEmpty() ? c.number : c.name + u" · "_s + c.number);
    }
    updateLive();
}

TemplateType TemplateEditorPage::currentType() const
{
    return TemplateType(m_type->currentData().toInt());
}

bool TemplateEditorPage::isDirty() const
{
    if (!m_current)
        return true;
    return m_name->text().trimmed() != m_current->name || currentType() != m_current->type ||
           m_body->toPlainText() != m_current->latest.body;
}

void TemplateEditorPage::updateLive()
{
    const QString body = m_body->toPlainText();
    const TemplateText text(body);
    const QList<TemplateText::Error> errors = text.validate(m_attributeNames, currentType());
    QStringList messages;
    for (const TemplateText::Error &e : errors)
        messages << e.message;
    m_errors->setText(messages.join(u'\n'));
    m_errors->setVisible(!messages.isEmpty());
    m_addOptOut->setVisible(TemplateTypes::needsOptOutLine(currentType()) &&
                            !OptOutLine::isPresent(body));

    const TemplatePreview::Result r = TemplatePreview::evaluate(text, m_audienceValues);
    m_counter->setText(counterText(r.longest));
    QString longestWho;
    if (r.longestIndex >= 0) {
        const AudienceQuery::Contact &c = m_audience.at(r.longestIndex);
        longestWho = c.name.isEmpty() ? c.number : c.name;
    }
    m_longest->setText(longestWho.isEmpty()
                           ? tr("no contacts in the audience: counted with fallbacks only")
                           : tr("longest for %1").arg(longestWho));
    QString cost =
        tr("%1 × %2 = %3 per text (longest)")
            .arg(r.longest.segments == 1 ? tr("1 segment")
                                         : tr("%1 segments").arg(r.longest.segments),
                 money(m_price.price, m_price.unit),
                 money(TemplatePreview::cost(r.longest.segments, m_price.price), m_price.unit));
    if (r.recipients > 0)
        cost += tr("; about %1 for %2")
                    .arg(money(TemplatePreview::cost(r.totalSegments, m_price.price), m_price.unit),
                         r.recipients == 1 ? tr("1 contact") : tr("%1 contacts").arg(r.recipients));
    m_cost->setText(cost);
    updatePreview();
    updateState();
}

void TemplateEditorPage::updatePreview()
{
    const TemplateText text(m_body->toPlainText());
    const int index = m_previewContact->currentIndex();
    const TemplateText::Rendered r =
        text.render(index >= 0 && index < m_audienceValues.size() ? m_audienceValues.at(index)
                                                                  : QHash<QString, QString>());
    QString shown = r.text;
    if (!r.missing.isEmpty())
        shown += u"\n\n"_s + tr("(no value for: %1)").arg(r.missing.join(u", "_s));
    m_preview->setText(shown);
}

void TemplateEditorPage::updateState()
{
    const bool valid = m_errors->text().isEmpty() && !m_body->toPlainText().trimmed().isEmpty() &&
                       !m_name->text().trimmed().isEmpty();
    const bool dirty = isDirty();
    const bool mayEdit = TeamPermissions::allows(m_role, TeamPermissions::Area::Templates);
    const QString needed =
        mayEdit ? QString() : TeamPermissions::tooltip(TeamPermissions::Area::Templates);
    m_save->setEnabled(mayEdit && valid && dirty);
    m_new->setEnabled(mayEdit);
    for (QPushButton *b : {m_save, m_new, m_approve, m_retire})
        b->setToolTip(needed);
    if (!m_current) {
        m_state->setText(tr("New template, not saved"));
        m_approve->setEnabled(false);
        m_retire->setEnabled(false);
        return;
    }
    const TemplateRows::Version &v = m_current->latest;
    QString state;
    switch (v.stage) {
    case Stage::Draft:
        state = tr("Version %1 · draft by %2").arg(v.number).arg(v.author);
        break;
    case Stage::Approved:
        state = tr("Version %1 · approved by %2, %3")
                    .arg(v.number)
                    .arg(v.approver,
                         QLocale::c().toString(v.approvedAt.toLocalTime(), u"d MMM yyyy HH:mm"_s));
        break;
    case Stage::Retired:
        state = tr("Version %1 · retired (approved by %2)").arg(v.number).arg(v.approver);
        break;
    }
    if (dirty)
        state += tr(" · unsaved changes");
    m_state->setText(state);
    // In a team the author of a version does not approve it: a second person does.
    const bool own = !m_role.isEmpty() && !TemplateApprovalRule::mayApprove(v.author, m_me);
    if (own && v.stage == Stage::Draft)
        m_state->setText(m_state->text() + tr(" · a teammate approves it"));
    m_approve->setEnabled(mayEdit && !own && !dirty && valid && v.stage == Stage::Draft);
    if (mayEdit && own && v.stage == Stage::Draft)
        m_approve->setToolTip(TemplateApprovalRule::refusal());
    m_retire->setEnabled(mayEdit && !dirty && v.stage == Stage::Approved);
}

void TemplateEditorPage::setIdentity(const QString &me, const QString &role)
{
    m_me = me;
    m_role = role;
    m_commands->setActor(me);
    updateState();
}

void TemplateEditorPage::showError(const QString &message)
{
    m_errors->setText(message);
    m_errors->setVisible(true);
    Q_EMIT actionFailed(message);
}

void TemplateEditorPage::save()
{
    const qint64 templateId = m_current ? m_current->id : 0;
    m_commands->save(templateId, m_name->text(), currentType(), m_body->toPlainText(),
                     [this](const CommandResult &result) {
                         if (!result.ok)
                             return showError(result.error);
                         // The list was read again when the feed delivered the change; a new
                         // template is not the current one yet.
                         selectTemplate(result.id);
                         Q_EMIT templateSaved(result.id);
                     });
}

void TemplateEditorPage::approve()
{
    changeState(true);
}

void TemplateEditorPage::retire()
{
    changeState(false);
}

void TemplateEditorPage::changeState(bool approve)
{
    if (!m_current)
        return;
    const qint64 versionId = m_current->latest.id;
    const auto answer = [this, versionId, approve](const CommandResult &result) {
        if (!result.ok)
            return showError(result.error);
        if (approve)
            Q_EMIT versionApproved(versionId);
        else
            Q_EMIT versionRetired(versionId);
    };
    if (approve)
        m_commands->approve(versionId, answer);
    else
        m_commands->retire(versionId, answer);
}
