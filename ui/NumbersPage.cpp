#include "NumbersPage.h"

#include "AccountRows.h"
#include "KeywordValidator.h"
#include "NumberCommands.h"
#include "SenderNumberRows.h"
#include "StoreReader.h"
#include "StoreWriter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum Column
{
    NumberColumn,
    LabelColumn,
    AccountColumn,
    KindColumn,
    KeywordColumn,
    ThroughputColumn,
    CapColumn,
    CapabilitiesColumn,
    RepliesColumn,
    ColumnCount
};

QTableWidgetItem *item(const QString &text)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return cell;
}

QString capabilitiesText(const QString &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    QStringList on;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().toBool())
            on.append(it.key().toUpper());
    }
    return on.join(u", "_s);
}

} // namespace

QString NumbersPage::kindName(const QString &kind)
{
    if (kind == u"long_code"_s)
        return tr("Long code");
    if (kind == u"toll_free"_s)
        return tr("Toll-free");
    if (kind == u"short_code"_s)
        return tr("Short code");
    if (kind == u"shared_short_code"_s)
        return tr("Shared short code");
    return kind;
}

QString NumbersPage::sendOnlyExplanation()
{
    return tr("Replies to a send-only number are not threaded into any inbox: they appear only "
              "under Unrouted replies. Only a send-only number can be used by several accounts.");
}

QString NumbersPage::sharedShortCodeExplanation(const QString &keyword)
{
    return tr("The provider does not say which short codes are shared: mark it here with the "
              "account's provider keyword (letters only). Customers start their texts with it, "
              "e.g. “%1 STOP”. Number sync keeps what you set.")
        .arg(keyword.trimmed().isEmpty() ? tr("KEYWORD") : keyword.trimmed().toUpper());
}

NumbersPage::NumbersPage(const StoreReader &reader, StoreWriter *writer, qint64 accountId,
                         const QString &actor, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(new NumberCommands(writer, accountId, actor, this))
    , m_accountId(accountId)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_editor(new QGroupBox(tr("Edit number")))
    , m_label(new QLineEdit)
    , m_throughput(new QDoubleSpinBox)
    , m_dailyCap(new QSpinBox)
    , m_sharedCode(new QCheckBox(tr("Shared short code")))
    , m_providerKeyword(new QLineEdit)
    , m_sharedCodeHelp(new QLabel(sharedShortCodeExplanation()))
    , m_form(new QFormLayout)
    , m_sendOnly(new QCheckBox(tr("Send-only notifications")))
    , m_sendOnlyHelp(new QLabel(sendOnlyExplanation()))
    , m_shareWith(new QComboBox)
    , m_share(new QPushButton(tr("Share")))
    , m_save(new QPushButton(tr("Save")))
    , m_error(new QLabel)
    , m_unrouted(new QTableWidget(0, 4))
{
    setObjectName(u"numbersPage"_s);
    m_table->setObjectName(u"numbersTable"_s);
    m_table->setAccessibleName(tr("Sender numbers"));
    m_table->setHorizontalHeaderLabels({tr("Number"), tr("Label"), tr("Account"), tr("Type"),
                                        tr("Provider keyword"), tr("Msg/s"), tr("Daily cap"),
                                        tr("Capabilities"), tr("Replies")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    m_label->setObjectName(u"numberLabel"_s);
    m_label->setPlaceholderText(tr("e.g. Support line"));
    m_throughput->setObjectName(u"numberThroughput"_s);
    m_throughput->setRange(0.1, 10000);
    m_throughput->setDecimals(1);
    m_throughput->setSuffix(tr(" msg/s"));
    m_dailyCap->setObjectName(u"numberDailyCap"_s);
    m_dailyCap->setRange(0, 10'000'000);
    m_dailyCap->setSpecialValueText(tr("No cap"));
    m_sharedCode->setObjectName(u"numberSharedShortCode"_s);
    m_providerKeyword->setObjectName(u"numberProviderKeyword"_s);
    m_providerKeyword->setPlaceholderText(tr("e.g. DESK"));
    m_sharedCodeHelp->setObjectName(u"numberSharedShortCodeHelp"_s);
    m_sharedCodeHelp->setWordWrap(true);
    m_sendOnly->setObjectName(u"numberSendOnly"_s);
    m_sendOnlyHelp->setObjectName(u"numberSendOnlyHelp"_s);
    m_sendOnlyHelp->setWordWrap(true);
    m_shareWith->setObjectName(u"numberShareWith"_s);
    m_shareWith->setAccessibleName(tr("Use in account"));
    m_share->setObjectName(u"numberShare"_s);
    m_save->setObjectName(u"numberSave"_s);
    m_error->setObjectName(u"numberError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b3261e;"_s);

    auto *form = m_form;
    form->addRow(tr("Label"), m_label);
    form->addRow(tr("Throughput"), m_throughput);
    form->addRow(tr("Daily cap"), m_dailyCap);
    form->addRow(m_sharedCode);
    form->addRow(tr("Provider keyword"), m_providerKeyword);
    form->addRow(m_sharedCodeHelp);
    form->addRow(m_sendOnly);
    form->addRow(m_sendOnlyHelp);
    auto *shareRow = new QHBoxLayout;
    shareRow->addWidget(m_shareWith, 1);
    shareRow->addWidget(m_share);
    form->addRow(tr("Use in account"), shareRow);
    auto *editorLayout = new QVBoxLayout(m_editor);
    editorLayout->addLayout(form);
    editorLayout->addWidget(m_error);
    editorLayout->addStretch();
    editorLayout->addWidget(m_save, 0, Qt::AlignRight);
    m_editor->setEnabled(false);
    m_editor->setMinimumWidth(300);
    m_editor->setMaximumWidth(360);

    auto *top = new QSplitter(Qt::Horizontal);
    top->addWidget(m_table);
    top->addWidget(m_editor);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 1);

    m_unrouted->setObjectName(u"unroutedTable"_s);
    m_unrouted->setAccessibleName(tr("Unrouted replies"));
    m_unrouted->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Received"), tr("Message")});
    m_unrouted->verticalHeader()->hide();
    m_unrouted->horizontalHeader()->setStretchLastSection(true);
    auto *unroutedTitle = new QLabel(tr("Unrouted replies"));
    unroutedTitle->setObjectName(u"unroutedTitle"_s);
    QFont titleFont = unroutedTitle->font();
    titleFont.setBold(true);
    unroutedTitle->setFont(titleFont);
    auto *unroutedHelp =
        new QLabel(tr("Replies to send-only numbers, and to numbers of no inbox. They are "
                      "kept here for admins and never reach an agent's inbox."));
    unroutedHelp->setWordWrap(true);
    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(unroutedTitle);
    bottomLayout->addWidget(unroutedHelp);
    bottomLayout->addWidget(m_unrouted);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(split);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &NumbersPage::showSelected);
    connect(m_save, &QPushButton::clicked, this, &NumbersPage::save);
    connect(m_share, &QPushButton::clicked, this, &NumbersPage::share);
    connect(m_sharedCode, &QCheckBox::toggled, this, [this](bool on) {
        m_providerKeyword->setEnabled(on);
        validateProviderKeyword();
    });
    connect(m_providerKeyword, &QLineEdit::textChanged, this,
            &NumbersPage::validateProviderKeyword);
    if (writer)
        connect(writer->changes(), &ChangeFeed::changed, this, &NumbersPage::follow);
    reload();
}

qint64 NumbersPage::selectedNumberId() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty()
               ? 0
               : m_table->item(rows.first().row(), NumberColumn)->data(Qt::UserRole).toLongLong();
}

void NumbersPage::reload()
{
    const qint64 selected = selectedNumberId();
    auto rows = m_reader.make<SenderNumberRows>();
    const auto numbers = rows.list(m_accountId);
    m_table->setRowCount(0);
    if (!numbers) {
        showError(rows.errorString());
        return;
    }
    m_table->setRowCount(int(numbers->size()));
    int selectRow = -1;
    for (int r = 0; r < numbers->size(); ++r) {
        const auto &n = numbers->at(r);
        auto *number = item(n.number);
        number->setData(Qt::UserRole, n.id);
        m_table->setItem(r, NumberColumn, number);
        m_table->setItem(r, LabelColumn, item(n.label));
        m_table->setItem(r, AccountColumn,
                         item(n.sharedIn ? tr("%1 (lent)").arg(n.accountName) : n.accountName));
        m_table->setItem(r, KindColumn, item(kindName(n.kind)));
        m_table->setItem(r, KeywordColumn, item(n.providerKeyword));
        m_table->setItem(r, ThroughputColumn, item(QString::number(n.throughputMps)));
        m_table->setItem(r, CapColumn,
                         item(n.dailyCap ? QString::number(*n.dailyCap) : tr("No cap")));
        m_table->setItem(r, CapabilitiesColumn, item(capabilitiesText(n.capabilities)));
        m_table->setItem(r, RepliesColumn,
                         item(n.sendOnly ? tr("Unrouted (send-only)") : tr("Inbox")));
        if (n.id == selected)
            selectRow = r;
    }
    m_table->resizeColumnsToContents();
    if (selectRow >= 0)
        m_table->selectRow(selectRow);

    reloadUnrouted();

    m_shareWith->clear();
    for (const auto &account : m_reader.make<AccountRows>().list()) {
        if (account.id != m_accountId)
            m_shareWith->addItem(account.name, account.id);
    }
    showSelected();
}

void NumbersPage::follow(const ChangeSet &changes)
{
    using Table = ChangeSet::Table;
    // Only what the page shows: a sync storing messages re-reads the unrouted replies, not
    // the numbers (which would reset the editor under the admin's hands).
    if (changes.touches(Table::SenderNumbers) || changes.touches(Table::Accounts))
        reload();
    else if (!changes.rows(Table::Messages, ChangeSet::Op::Inserted).isEmpty())
        reloadUnrouted();
}

void NumbersPage::reloadUnrouted()
{
    const auto unrouted = m_reader.make<SenderNumberRows>().unroutedReplies(m_accountId);
    m_unrouted->setRowCount(0);
    if (unrouted) {
        m_unrouted->setRowCount(int(unrouted->size()));
        for (int r = 0; r < unrouted->size(); ++r) {
            const auto &u = unrouted->at(r);
            m_unrouted->setItem(r, 0, item(u.from));
            m_unrouted->setItem(r, 1, item(u.to));
            m_unrouted->setItem(
                r, 2,
                item(QLocale().toString(QDateTime::fromMSecsSinceEpoch(u.createdAtMs).toLocalTime(),
                                        QLocale::ShortFormat)));
            m_unrouted->setItem(r, 3, item(u.body));
        }
        m_unrouted->resizeColumnsToContents();
    }
}

void NumbersPage::showSelected()
{
    const qint64 id = selectedNumberId();
    auto rows = m_reader.make<SenderNumberRows>();
    const auto number = id > 0 ? rows.find(m_accountId, id) : std::nullopt;
    // A lent number is its owner's to edit.
    m_editor->setEnabled(number && !number->sharedIn);
    if (!number) {
        m_editor->setTitle(tr("Edit number"));
        return;
    }
    m_editor->setTitle(tr("Edit %1").arg(number->number));
    m_label->setText(number->label);
    m_throughput->setValue(number->throughputMps);
    m_dailyCap->setValue(number->dailyCap.value_or(0));
    m_sendOnly->setChecked(number->sendOnly);
    m_share->setEnabled(m_shareWith->count() > 0);
    // Only a short code can be a shared one; the other kinds do not show the choice.
    const bool shortCode =
        number->kind == u"short_code"_s || number->kind == u"shared_short_code"_s;
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_sharedCode, m_providerKeyword, m_sharedCodeHelp})
        m_form->setRowVisible(field, shortCode);
    m_sharedCode->setChecked(number->kind == u"shared_short_code"_s);
    m_providerKeyword->setText(number->providerKeyword);
    m_providerKeyword->setEnabled(m_sharedCode->isChecked());
    m_sharedCodeHelp->setText(sharedShortCodeExplanation(number->providerKeyword));
}

void NumbersPage::validateProviderKeyword()
{
    const QString keyword = m_providerKeyword->text().trimmed();
    QString message;
    if (m_sharedCode->isChecked() && keyword.isEmpty())
        message = tr("A shared short code needs the account's provider keyword.");
    else if (const auto problem =
                 m_sharedCode->isChecked() ? KeywordValidator::checkKeyword(keyword) : std::nullopt)
        message = tr("Provider keyword %1").arg(problem->message);
    showError(message);
    m_save->setEnabled(message.isEmpty());
    m_sharedCodeHelp->setText(sharedShortCodeExplanation(message.isEmpty() ? keyword : QString()));
}

void NumbersPage::showError(const QString &message)
{
    m_error->setText(message);
}

void NumbersPage::save()
{
    NumberCommands::Settings settings;
    settings.numberId = selectedNumberId();
    if (settings.numberId == 0)
        return;
    settings.label = m_label->text();
    settings.throughputMps = m_throughput->value();
    settings.dailyCap =
        m_dailyCap->value() > 0 ? std::optional<int>(m_dailyCap->value()) : std::nullopt;
    settings.sendOnly = m_sendOnly->isChecked();
    // Empty: not (or no longer) a shared short code.
    settings.providerKeyword =
        m_sharedCode->isChecked() ? m_providerKeyword->text().trimmed() : QString();
    m_save->setEnabled(false);
    m_commands->save(settings, [this](const CommandResult &result) {
        // What was saved is on screen already (the change feed); a refusal shows the stored
        // values again, and why.
        if (!result.ok)
            reload();
        m_save->setEnabled(true);
        showError(result.error);
        Q_EMIT changed();
    });
}

void NumbersPage::share()
{
    const qint64 id = selectedNumberId();
    const qint64 target = m_shareWith->currentData().toLongLong();
    if (id == 0 || target == 0)
        return;
    m_commands->lend(id, target, [this](const CommandResult &result) {
        showError(result.error);
        Q_EMIT changed();
    });
}
