#include "KeywordsPage.h"

#include "AuditLogView.h"
#include "ConfirmationRulesBox.h"
#include "KeywordCommands.h"
#include "KeywordStopWarning.h"
#include "KeywordValidator.h"
#include "NumberCommands.h"
#include "NumbersPage.h"
#include "SenderNumberRows.h"
#include "StoreReader.h"
#include "StoreWriter.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Type = KeywordProcess::Type;
using Action = KeywordProcessLifecycle::Action;

namespace {

QString statusName(KeywordProcess::Status status)
{
    switch (status) {
    case KeywordProcess::Status::New:
        return KeywordsPage::tr("New");
    case KeywordProcess::Status::Started:
        return KeywordsPage::tr("Started");
    case KeywordProcess::Status::Paused:
        return KeywordsPage::tr("Paused");
    }
    return {};
}

QPushButton *button(const QString &text, const QString &name)
{
    auto *b = new QPushButton(text);
    b->setObjectName(name);
    return b;
}

} // namespace

QStringList KeywordsPage::splitKeywords(const QString &text)
{
    // Commas separate keywords; a space inside one is kept so the validator can name it.
    QStringList keywords;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString keyword = part.trimmed();
        if (!keyword.isEmpty())
            keywords.append(keyword);
    }
    return keywords;
}

KeywordsPage::KeywordsPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                           const QString &actor, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(new KeywordCommands(writer, accountId, actor, this))
    , m_numberCommands(new NumberCommands(writer, accountId, actor, this))
    , m_accountId(accountId)
    , m_number(new QComboBox)
    , m_providerAnswers(new QComboBox)
    , m_providerNote(new QLabel)
    , m_stopWarning(new KeywordStopWarning)
    , m_table(new QTableWidget(0, 4))
    , m_type(new QComboBox)
    , m_keywords(new QLineEdit)
    , m_template(new QComboBox)
    , m_reply(new QPlainTextEdit)
    , m_error(new QLabel)
    , m_new(button(tr("New"), u"keywordNew"_s))
    , m_save(button(tr("Save"), u"keywordSave"_s))
    , m_start(button(tr("Start"), u"keywordStart"_s))
    , m_pause(button(tr("Pause"), u"keywordPause"_s))
    , m_delete(button(tr("Delete"), u"keywordDelete"_s))
    , m_rules(new ConfirmationRulesBox(reader, writer, accountId, actor))
    , m_audit(new AuditLogView(reader, accountId, u"keyword_process"_s, tr("Changes to processes")))
{
    setObjectName(u"keywordsPage"_s);
    m_number->setObjectName(u"keywordNumber"_s);
    // Long number labels elide in the box rather than widen the page past a small window.
    for (QComboBox *box : {m_number, m_providerAnswers}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(24);
    }
    m_providerAnswers->setObjectName(u"keywordProviderAnswers"_s);
    m_providerAnswers->addItem(tr("As the provider does for this kind of number"), -1);
    m_providerAnswers->addItem(tr("Yes: the provider answers STOP, HELP and START"), 1);
    m_providerAnswers->addItem(tr("No: SMS Desk sends the replies"), 0);
    m_providerNote->setObjectName(u"keywordProviderNote"_s);
    m_providerNote->setWordWrap(true);

    m_table->setObjectName(u"keywordProcesses"_s);
    m_table->setAccessibleName(tr("Keyword processes"));
    m_table->setHorizontalHeaderLabels({tr("Type"), tr("Keywords"), tr("Status"), tr("Reply")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_type->setObjectName(u"keywordType"_s);
    for (const Type type : {Type::Unsubscribe, Type::Help, Type::Subscribe, Type::AutoReply})
        m_type->addItem(KeywordProcess::displayName(type), int(type));
    m_keywords->setObjectName(u"keywordKeywords"_s);
    m_keywords->setPlaceholderText(tr("Keywords separated by commas, letters only"));
    m_template->setObjectName(u"keywordTemplate"_s);
    m_reply->setObjectName(u"keywordReply"_s);
    m_reply->setPlaceholderText(tr("The reply texted back (required for Help and Auto-reply)"));
    m_reply->setMaximumHeight(90);
    m_error->setObjectName(u"keywordError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // The error area keeps its height whether or not there is an error, so the form does not
    // jump as the admin types; a longer list scrolls inside it.
    auto *errorArea = new QScrollArea;
    errorArea->setObjectName(u"keywordErrorArea"_s);
    errorArea->setWidget(m_error);
    errorArea->setWidgetResizable(true);
    errorArea->setFrameShape(QFrame::NoFrame);
    errorArea->viewport()->setAutoFillBackground(false);
    errorArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    errorArea->setFixedHeight(m_error->fontMetrics().lineSpacing() * 4 + 4);

    auto *top = new QFormLayout;
    top->addRow(tr("Number"), m_number);
    top->addRow(tr("Provider answers default keywords"), m_providerAnswers);
    top->addRow(QString(), m_providerNote);
    top->addRow(QString(), m_stopWarning);

    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_start, m_pause, m_delete})
        actions->addWidget(b);
    actions->addStretch();

    auto *editor = new QGroupBox(tr("Process"));
    editor->setObjectName(u"keywordEditor"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Keywords"), m_keywords);
    form->addRow(tr("Reply from template"), m_template);
    form->addRow(tr("Reply"), m_reply);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->addLayout(form);
    editorLayout->addWidget(errorArea);
    editorLayout->addWidget(m_save, 0, Qt::AlignRight);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(top);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(actions);
    leftLayout->addWidget(editor);

    m_audit->setObjectName(u"keywordAudit"_s);
    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_rules);
    right->addWidget(m_audit);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(split);

    connect(m_number, &QComboBox::currentIndexChanged, this, &KeywordsPage::showNumber);
    connect(m_providerAnswers, &QComboBox::activated, this, &KeywordsPage::saveProviderSetting);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &KeywordsPage::showSelected);
    connect(m_keywords, &QLineEdit::textChanged, this, &KeywordsPage::validateKeywords);
    connect(m_template, &QComboBox::activated, this, [this] {
        const QString body = m_template->currentData(Qt::UserRole + 1).toString();
        if (!body.isEmpty())
            m_reply->setPlainText(body);
    });
    connect(m_new, &QPushButton::clicked, this, &KeywordsPage::startNew);
    connect(m_type, &QComboBox::activated, this, [this] {
        if (m_editingId == 0)
            m_keywords->setText(
                KeywordProcess::defaultKeywords(Type(m_type->currentData().toInt())).join(u", "_s));
    });
    connect(m_save, &QPushButton::clicked, this, &KeywordsPage::save);
    connect(m_rules, &ConfirmationRulesBox::changed, this, &KeywordsPage::changed);
    connect(m_start, &QPushButton::clicked, this, [this] { act(Action::Start); });
    connect(m_pause, &QPushButton::clicked, this, [this] { act(Action::Pause); });
    connect(m_delete, &QPushButton::clicked, this, [this] { act(Action::Delete); });
    if (writer)
        connect(writer->changes(), &ChangeFeed::changed, this, &KeywordsPage::follow);
    reload();
}

qint64 KeywordsPage::currentNumberId() const
{
    return m_number->currentData().toLongLong();
}

qint64 KeywordsPage::selectedProcessId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_processes.value(rows.first().row()).process.id;
}

void KeywordsPage::reload()
{
    const qint64 number = currentNumberId();
    auto numbers = m_reader.make<SenderNumberRows>();
    const auto list = numbers.list(m_accountId);
    {
        const QSignalBlocker blocker(m_number);
        m_number->clear();
        for (const auto &n : list.value_or(QList<SenderNumberRows::Row>())) {
            if (n.sharedIn)
                continue; // a lent number's keywords are its owner's
            const QString where =
                n.providerKeyword.isEmpty() ? n.number : n.number + u" / "_s + n.providerKeyword;
            const QString label = n.label.isEmpty() ? where : n.label + u" — "_s + where;
            m_number->addItem(label + u" ("_s + NumbersPage::kindName(n.kind) + u')', n.id);
        }
        const int index = m_number->findData(number);
        m_number->setCurrentIndex(index >= 0 ? index : 0);
    }
    auto processes = m_reader.make<KeywordProcessRows>();
    m_template->clear();
    m_template->addItem(tr("Write the reply here"), 0);
    for (const auto &t : processes.replyTemplates(m_accountId)
                             .value_or(QList<KeywordProcessRows::ReplyTemplate>())) {
        m_template->addItem(t.name, t.id);
        m_template->setItemData(m_template->count() - 1, t.body, Qt::UserRole + 1);
    }
    m_rules->reload();
    showNumber();
}

void KeywordsPage::showNumber()
{
    const qint64 selected = selectedProcessId();
    const qint64 numberId = currentNumberId();
    const auto number = m_reader.make<SenderNumberRows>().find(m_accountId, numberId);
    if (number) {
        m_providerAnswers->setCurrentIndex(m_providerAnswers->findData(
            number->providerAnswersSetting ? (*number->providerAnswersSetting ? 1 : 0) : -1));
        QString note = number->providerAnswersKeywords
                           ? tr("The provider answers STOP, HELP and START on this number: SMS "
                                "Desk records the consent but sends no second reply.")
                           : tr("The provider does not answer keywords on this number: SMS Desk "
                                "sends the replies of the processes below.");
        if (number->kind == u"toll_free"_s)
            note += u' ' + tr("Toll-free opt-outs are always handled by the carrier.");
        if (number->kind == u"shared_short_code"_s)
            note += u' ' +
                    tr("Customers text “%1 KEYWORD”, e.g. “%1 STOP”.").arg(number->providerKeyword);
        if (number->sendOnly)
            note += u' ' + NumbersPage::sendOnlyExplanation();
        m_providerNote->setText(note);
    }
    auto rows = m_reader.make<KeywordProcessRows>();
    m_processes = rows.listFor(m_accountId, numberId).value_or(QList<KeywordProcessRows::Row>());
    if (number)
        m_stopWarning->showFor(*number, m_processes);
    else
        m_stopWarning->hide();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_processes.size()));
    int selectRow = -1;
    for (int r = 0; r < m_processes.size(); ++r) {
        const auto &p = m_processes.at(r);
        m_table->setItem(r, 0, new QTableWidgetItem(KeywordProcess::displayName(p.process.type)));
        m_table->setItem(r, 1, new QTableWidgetItem(p.process.keywords.join(u", "_s)));
        m_table->setItem(r, 2, new QTableWidgetItem(statusName(p.process.status)));
        m_table->setItem(r, 3,
                         new QTableWidgetItem(p.reply.isEmpty() ? tr("(no reply)") : p.reply));
        if (p.process.id == selected)
            selectRow = r;
    }
    m_table->resizeColumnsToContents();
    if (selectRow >= 0)
        m_table->selectRow(selectRow);
    else
        m_table->clearSelection();
    showSelected();
}

void KeywordsPage::showSelected()
{
    const qint64 id = selectedProcessId();
    for (QPushButton *b : {m_start, m_pause, m_delete})
        b->setEnabled(id > 0);
    if (id == 0)
        return;
    const auto &row = m_processes.at(m_table->selectionModel()->selectedRows().first().row());
    m_editingId = id;
    m_type->setCurrentIndex(m_type->findData(int(row.process.type)));
    m_type->setEnabled(false);
    m_keywords->setText(row.process.keywords.join(u", "_s));
    m_reply->setPlainText(row.reply);
    const int templateIndex = m_template->findData(row.process.replyTemplateId.value_or(0));
    m_template->setCurrentIndex(templateIndex >= 0 ? templateIndex : 0);
    m_start->setEnabled(row.process.status != KeywordProcess::Status::Started);
    m_pause->setEnabled(row.process.status == KeywordProcess::Status::Started);
}

void KeywordsPage::startNew()
{
    m_table->clearSelection();
    m_editingId = 0;
    m_type->setEnabled(true);
    m_keywords->setText(
        KeywordProcess::defaultKeywords(Type(m_type->currentData().toInt())).join(u", "_s));
    m_reply->clear();
    m_template->setCurrentIndex(0);
    m_error->clear();
    m_keywords->setFocus();
}

void KeywordsPage::validateKeywords()
{
    for (const QString &keyword : splitKeywords(m_keywords->text())) {
        if (const auto problem = KeywordValidator::checkKeyword(keyword)) {
            m_error->setText(problem->message);
            return;
        }
    }
    m_error->clear();
}

void KeywordsPage::save()
{
    KeywordProcessRows::Row row;
    row.senderNumberId = currentNumberId();
    row.process.id = m_editingId;
    row.process.type = Type(m_type->currentData().toInt());
    row.process.keywords = splitKeywords(m_keywords->text());
    row.reply = m_reply->toPlainText().trimmed();
    if (const qint64 templateId = m_template->currentData().toLongLong(); templateId > 0)
        row.process.replyTemplateId = templateId;
    m_commands->save(row, [this](const CommandResult &result) { finishWrite(result.error); });
}

void KeywordsPage::act(Action action)
{
    const qint64 id = selectedProcessId();
    if (id == 0 || (action == Action::Delete && !confirmDelete()))
        return;
    const auto answer = [this](const CommandResult &result) { finishWrite(result.error); };
    switch (action) {
    case Action::Start:
        return m_commands->start(id, answer);
    case Action::Pause:
        return m_commands->pause(id, answer);
    case Action::Delete:
        return m_commands->remove(id, answer);
    case Action::Edit:
        return; // edits are saved with save()
    }
}

bool KeywordsPage::confirmDelete()
{
    const auto &row = m_processes.at(m_table->selectionModel()->selectedRows().first().row());
    QMessageBox box(
        QMessageBox::Question, tr("Delete keyword process"),
        tr("Delete the %1 process for %2? Texts with its keywords will no longer "
           "be processed.")
            .arg(KeywordProcess::displayName(row.process.type), row.process.keywords.join(u", "_s)),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(u"keywordDeleteConfirm"_s);
    box.button(QMessageBox::Yes)->setText(tr("Delete"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Yes;
}

void KeywordsPage::saveProviderSetting()
{
    const int value = m_providerAnswers->currentData().toInt();
    const std::optional<bool> setting = value < 0 ? std::nullopt : std::optional<bool>(value == 1);
    const qint64 id = currentNumberId();
    m_numberCommands->setProviderAnswersKeywords(
        id, setting, [this](const CommandResult &result) { finishWrite(result.error); });
}

void KeywordsPage::finishWrite(const QString &error)
{
    if (error.isEmpty()) {
        // The change is on screen already: the feed delivered it before the answer came.
        if (m_editingId == 0)
            m_keywords->clear();
        m_error->clear();
    } else {
        // Nothing was written: show what is stored again (a refused setting snaps back), then
        // why, since showing the number may reset the editor.
        showNumber();
        m_error->setText(error);
    }
    Q_EMIT changed();
}

void KeywordsPage::follow(const ChangeSet &changes)
{
    using Table = ChangeSet::Table;
    // Numbers and reply templates fill the pickers; processes only the table.
    if (changes.touches(Table::SenderNumbers) || changes.touches(Table::Templates) ||
        changes.touches(Table::TemplateVersions))
        reload();
    else if (changes.touches(Table::KeywordProcesses))
        showNumber();
    if (changes.touches(Table::AuditLog))
        m_audit->reload();
}
