#include "NewConversationDialog.h"

#include "ButtonRowTabOrder.h"
#include "NumberCapabilities.h"
#include "PhoneNumber.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

PhoneNumber parsedOwn(const QString &number)
{
    // Our numbers are stored canonical: E.164 parses without a region.
    return PhoneNumber::parse(number, QString()).number;
}

} // namespace

QString NewConversationDialog::senderText(const SenderNumberRows::Row &row)
{
    const PhoneNumber own = parsedOwn(row.number);
    const QString number =
        own.isValid() && !own.isShortCode() ? own.formatInternational() : row.number;
    QString text = row.label.isEmpty() ? number : QString(row.label + u" \u00b7 "_s + number);
    if (row.sendOnly)
        text += tr(" (send-only: replies reach no inbox)");
    return text;
}

NewConversationDialog::NewConversationDialog(const QList<SenderNumberRows::Row> &numbers,
                                             QWidget *parent)
    : QDialog(parent)
    , m_own(numbers)
    , m_number(new QLineEdit)
    , m_sender(new QComboBox)
    , m_error(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(u"newConversationDialog"_s);
    for (const SenderNumberRows::Row &row : numbers) {
        if (NumberCapabilities::canText(row.capabilities))
            m_numbers.append(row);
    }
    setWindowTitle(tr("New conversation"));
    m_number->setObjectName(u"newConversationNumber"_s);
    m_number->setPlaceholderText(tr("Customer's number, e.g. (415) 555-0134 or +44 20 7946 0958"));
    m_number->setMinimumWidth(320);
    m_sender->setObjectName(u"newConversationSender"_s);
    for (const SenderNumberRows::Row &row : m_numbers)
        m_sender->addItem(senderText(row), row.id);
    m_error->setObjectName(u"newConversationError"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Open conversation"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"newConversationOpen"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("To:"), m_number);
    form->addRow(tr("From:"), m_sender);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    ButtonRowTabOrder::follow(m_buttons);

    if (m_numbers.isEmpty()) {
        m_error->setText(numbers.isEmpty()
                             ? tr("This account has no sender numbers yet: add or sync one "
                                  "under Numbers & Keywords first.")
                             : tr("None of this account's numbers can send texts (voice only): "
                                  "enable SMS on one at the provider, then sync Numbers & "
                                  "Keywords."));
        m_error->show();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewConversationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A stale error under a corrected number misleads: it goes as soon as the text changes.
    connect(m_number, &QLineEdit::textChanged, m_error, [this] {
        if (!m_numbers.isEmpty())
            m_error->hide();
    });
}

qint64 NewConversationDialog::senderNumberId() const
{
    return m_sender->currentData().toLongLong();
}

QString NewConversationDialog::senderNumber() const
{
    const int i = m_sender->currentIndex();
    return i >= 0 && i < m_numbers.size() ? m_numbers.at(i).number : QString();
}

QString NewConversationDialog::validate()
{
    QString error;
    const int i = m_sender->currentIndex();
    if (i < 0 || i >= m_numbers.size()) {
        error = tr("Choose which of our numbers to text from.");
    } else {
        // A number typed without '+' is read as a number of our sender number's country.
        const QString region = parsedOwn(m_numbers.at(i).number).regionCode();
        const PhoneNumberParse parsed = PhoneNumber::parse(m_number->text().trimmed(), region);
        if (!parsed.ok()) {
            error = parsed.errorMessage;
        } else if (parsed.number.isShortCode()) {
            error = tr("'%1' is a short code: a conversation needs the customer's own phone "
                       "number.")
                        .arg(m_number->text().trimmed());
        } else {
            for (const SenderNumberRows::Row &row : m_own) {
                if (row.number == parsed.number.canonical())
                    error = tr("%1 is one of our own numbers (%2), not a customer's.")
                                .arg(parsed.number.formatInternational(), senderText(row));
            }
        }
        if (error.isEmpty())
            m_customer = parsed.number.canonical();
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (!error.isEmpty())
        m_customer.clear();
    return error;
}

void NewConversationDialog::accept()
{
    if (!validate().isEmpty()) {
        m_number->setFocus();
        return;
    }
    QDialog::accept();
}
