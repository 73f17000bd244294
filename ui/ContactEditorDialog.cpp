#include "ContactEditorDialog.h"

#include "ButtonRowTabOrder.h"
#include "ContactDetailsQuery.h"
#include "ContactEditCommands.h"
#include "ContactListQuery.h"
#include "ContactTimelineQuery.h"
#include "StoreReader.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

ContactEditorDialog::ContactEditorDialog(const StoreReader &reader, ContactEditCommands *commands,
                                         qint64 accountId, const QString &number, bool mayEdit,
                                         QWidget *parent)
    : QDialog(parent)
    , m_reader(reader)
    , m_commands(commands)
    , m_accountId(accountId)
    , m_number(number)
    , m_name(new QLineEdit)
    , m_tags(new QLineEdit)
    , m_attributes(new QTableWidget(0, 2))
    , m_timeZone(new QComboBox)
    , m_consent(new QListWidget)
    , m_timeline(new QListWidget)
    , m_error(new QLabel)
    , m_save(new QPushButton(tr("Save")))
    , m_delete(new QPushButton(tr("Delete…")))
{
    setObjectName(QStringLiteral("contactEditor"));
    setWindowTitle(tr("Contact %1").arg(number));
    m_name->setObjectName(QStringLiteral("contactName"));
    m_name->setAccessibleName(tr("Name"));
    m_tags->setObjectName(QStringLiteral("contactTags"));
    m_tags->setAccessibleName(tr("Tags"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. vip, florist"));
    m_attributes->setObjectName(QStringLiteral("contactAttributes"));
    m_attributes->setAccessibleName(tr("Attributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    m_timeZone->setObjectName(QStringLiteral("contactTimeZone"));
    m_timeZone->setAccessibleName(tr("Time zone"));
    m_timeZone->setEditable(true);
    m_timeZone->addItem(QString());
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_timeZone->addItem(QString::fromUtf8(id));
    m_consent->setObjectName(QStringLiteral("contactConsent"));
    m_consent->setAccessibleName(tr("Consent history"));
    m_timeline->setObjectName(QStringLiteral("contactTimeline"));
    m_timeline->setAccessibleName(tr("Messages with this contact"));
    m_error->setObjectName(QStringLiteral("contactError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_save->setObjectName(QStringLiteral("saveContact"));
    m_delete->setObjectName(QStringLiteral("deleteContact"));
    m_save->setDefault(true);
    const QString needsRole = tr("Needs the marketer or admin role.");
    for (QWidget *w : {static_cast<QWidget *>(m_save), static_cast<QWidget *>(m_delete)}) {
        w->setEnabled(mayEdit);
        if (!mayEdit)
            w->setToolTip(needsRole);
    }

    auto *addField = new QPushButton(tr("Add field"));
    addField->setObjectName(QStringLiteral("addAttribute"));
    connect(addField, &QPushButton::clicked, this,
            [this] { m_attributes->insertRow(m_attributes->rowCount()); });

    auto *details = new QWidget;
    auto *form = new QFormLayout(details);
    form->addRow(tr("Number"), new QLabel(number));
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Tags"), m_tags);
    form->addRow(tr("Time &zone"), m_timeZone);
    form->addRow(tr("Fields"), m_attributes);
    form->addRow(QString(), addField);
    form->addRow(tr("Consent (read only)"), m_consent);

    auto *tabs = new QTabWidget;
    tabs->addTab(details, tr("Details"));
    tabs->addTab(m_timeline, tr("Timeline"));

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_delete, QDialogButtonBox::DestructiveRole);
    buttons->addButton(QDialogButtonBox::Close);
    ButtonRowTabOrder::follow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ContactEditorDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &ContactEditorDialog::confirmDelete);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    load();
}

void ContactEditorDialog::load()
{
    auto list = m_reader.make<ContactListQuery>();
    if (const auto row = list.contact(m_accountId, m_number)) {
        m_name->setText(row->name);
        m_tags->setText(row->tags.join(QStringLiteral(", ")));
        m_attributes->setRowCount(0);
        for (auto it = row->attributes.begin(); it != row->attributes.end(); ++it) {
            const int r = m_attributes->rowCount();
            m_attributes->insertRow(r);
            m_attributes->setItem(r, 0, new QTableWidgetItem(it.key()));
            m_attributes->setItem(r, 1, new QTableWidgetItem(it.value().toString()));
        }
        m_timeZone->setCurrentText(row->timeZone);
    } else if (!list.errorString().isEmpty()) {
        showError(list.errorString());
    }
    auto details = m_reader.make<ContactDetailsQuery>();
    if (const auto d = details.load(m_accountId, m_number, 0)) {
        for (const ConsentEvent &e : d->consentHistory) {
            m_consent->addItem(
                tr("%1 — %2 (%3%4)")
                    .arg(QLocale().toString(e.occurredAt.toLocalTime(), QLocale::ShortFormat),
                         ConsentEvent::kindToString(e.kind), ConsentEvent::sourceToString(e.source),
                         e.senderNumber.isEmpty() ? QString() : tr(", %1").arg(e.senderNumber)));
        }
    }
    if (m_consent->count() == 0)
        m_consent->addItem(tr("No consent recorded"));
    auto timeline = m_reader.make<ContactTimelineQuery>();
    if (const auto entries = timeline.load(m_accountId, m_number)) {
        for (const ContactTimelineQuery::Entry &e : *entries) {
            auto *item = new QListWidgetItem(
                tr("%1  %2 %3: %4")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.at),
                                            QLocale::ShortFormat),
                         e.inbound ? tr("from customer to") : tr("to customer from"), e.ourNumber,
                         e.body));
            item->setData(Qt::UserRole, e.threadId);
            m_timeline->addItem(item);
        }
    }
    if (m_timeline->count() == 0)
        m_timeline->addItem(tr("No messages with this contact yet"));
}

void ContactEditorDialog::save()
{
    ContactEditCommands::Fields fields;
    fields.name = m_name->text();
    for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            fields.tags << tag.trimmed();
    }
    for (int r = 0; r < m_attributes->rowCount(); ++r) {
        const QTableWidgetItem *key = m_attributes->item(r, 0);
        const QTableWidgetItem *value = m_attributes->item(r, 1);
        const QString k = key ? key->text().trimmed() : QString();
        const QString v = value ? value->text() : QString();
        if (k.isEmpty() && v.isEmpty())
            continue;
        fields.attributes.insert(k, v);
    }
    fields.timeZone = m_timeZone->currentText().trimmed();
    m_save->setEnabled(false);
    QPointer<ContactEditorDialog> self(this);
    m_commands->save(m_number, fields, [self](const CommandResult &result) {
        if (!self)
            return;
        self->m_save->setEnabled(true);
        if (!result.ok)
            return self->showError(result.error);
        Q_EMIT self->saved();
        self->accept();
    });
}

void ContactEditorDialog::confirmDelete()
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Delete contact"),
                        tr("Delete %1?").arg(m_name->text().isEmpty() ? m_number : m_name->text()),
                        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDeleteContact"));
    box->setInformativeText(
        tr("Its name, tags, fields and time zone are removed here and, in a team, on every "
           "teammate's desktop. Its conversations and messages stay and show the bare "
           "number. Its consent history stays: an opt-out still applies if the number texts "
           "again."));
    QPushButton *remove = box->addButton(tr("Delete contact"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(remove, &QPushButton::clicked, this, [this] {
        m_delete->setEnabled(false);
        QPointer<ContactEditorDialog> self(this);
        m_commands->remove(m_number, [self](const CommandResult &result) {
            if (!self)
                return;
            self->m_delete->setEnabled(true);
            if (!result.ok)
                return self->showError(result.error);
            Q_EMIT self->deleted();
            self->accept();
        });
    });
    box->open();
}

void ContactEditorDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->show();
}
