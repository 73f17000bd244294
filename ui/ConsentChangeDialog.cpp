#include "ConsentChangeDialog.h"

#include "ButtonRowTabOrder.h"
#include "ManualConsent.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ConsentChangeDialog::ConsentChangeDialog(ConsentEvent::Kind kind, const QString &customerNumber,
                                         const QString &customerDisplay,
                                         const QString &senderNumber, const QString &senderDisplay,
                                         const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_customer(customerNumber)
    , m_sender(senderNumber)
    , m_actor(actor)
    , m_reason(new QPlainTextEdit)
    , m_thisNumber(new QRadioButton)
    , m_allNumbers(new QRadioButton(tr("Every number of this account")))
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    const bool optOut = kind == ConsentEvent::Kind::OptOut;
    setObjectName(optOut ? u"unsubscribeDialog"_s : u"resubscribeDialog"_s);
    setWindowTitle(optOut ? tr("Unsubscribe %1").arg(customerDisplay)
                          : tr("Re-subscribe %1").arg(customerDisplay));
    m_reason->setObjectName(u"consentReason"_s);
    m_reason->setPlaceholderText(optOut ? tr("Why, e.g. \"Asked by phone not to be texted\"")
                                        : tr("Evidence, e.g. \"Signed the in-store form, "
                                             "12 May\" or the import file"));
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(80);
    m_thisNumber->setObjectName(u"scopeThisNumber"_s);
    m_allNumbers->setObjectName(u"scopeAllNumbers"_s);
    m_thisNumber->setText(tr("Only our number %1").arg(senderDisplay));
    m_thisNumber->setChecked(true);
    m_problem->setObjectName(u"consentProblem"_s);
    m_problem->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(optOut ? tr("Unsubscribe") : tr("Re-subscribe"));

    auto *intro = new QLabel(
        optOut ? tr("No conversation or campaign texts will be sent to %1 from the numbers "
                    "below until they opt in again. The reason is kept in the consent history.")
                     .arg(customerDisplay)
               : tr("Only re-subscribe a customer who asked for it: record where their consent "
                    "comes from. It is kept in the consent history."));
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    if (!optOut) {
        m_source = new QComboBox;
        m_source->setObjectName(u"consentSource"_s);
        m_source->addItem(tr("Signed form"), int(ConsentEvent::Source::Form));
        m_source->addItem(tr("Import"), int(ConsentEvent::Source::Import));
        m_source->addItem(tr("Asked an agent"), int(ConsentEvent::Source::Agent));
        form->addRow(tr("Source:"), m_source);
    }
    form->addRow(optOut ? tr("Reason:") : tr("Evidence:"), m_reason);
    auto *scope = new QVBoxLayout;
    scope->addWidget(m_thisNumber);
    scope->addWidget(m_allNumbers);
    form->addRow(tr("Applies to:"), scope);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    ButtonRowTabOrder::follow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConsentChangeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &ConsentChangeDialog::refresh);
    refresh();
    resize(460, sizeHint().height());
}

ConsentEvent ConsentChangeDialog::event() const
{
    ConsentEvent e;
    e.contactNumber = m_customer;
    e.senderNumber = m_allNumbers->isChecked() ? QString() : m_sender;
    e.kind = m_kind;
    e.source = m_source ? ConsentEvent::Source(m_source->currentData().toInt())
                        : ConsentEvent::Source::Agent;
    e.detail = m_reason->toPlainText().trimmed();
    e.actor = m_actor;
    e.occurredAt = QDateTime::currentDateTimeUtc();
    return e;
}

QString ConsentChangeDialog::problem() const
{
    return ManualConsent::problem(event());
}

void ConsentChangeDialog::refresh()
{
    const QString why = problem();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
}

void ConsentChangeDialog::accept()
{
    // The button is disabled while there is a problem; Enter and scripts still come here.
    refresh();
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}
