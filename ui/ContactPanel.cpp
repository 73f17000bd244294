#include "ContactPanel.h"

#include "ChangeFeed.h"
#include "ConsentChangeDialog.h"
#include "ConsentCommands.h"
#include "ContactDetailsQuery.h"
#include "FlowLayout.h"
#include "LineTypeText.h"
#include "StoreReader.h"
#include "UiLogging.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QLocale::ShortFormat);
}

QLabel *sectionTitle(const QString &text)
{
    auto *label = new QLabel(text);
    label->setProperty("panelSection", true);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel *body(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

QString textEnabledText(const QString &verdict)
{
    if (verdict == u"yes")
        return ContactPanel::tr("Can receive texts");
    if (verdict == u"no")
        return ContactPanel::tr("Cannot receive texts");
    if (verdict == u"checking")
        return ContactPanel::tr("Checking…");
    return ContactPanel::tr("Not known whether it can receive texts");
}

} // namespace

ContactPanel::ContactPanel(const StoreReader &reader, ChangeFeed *changes,
                           ConsentCommands *commands, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(commands)
    , m_name(new QLabel)
    , m_number(new QLabel)
    , m_reachability(body(u"contactReachability"_s))
    , m_checkAgain(new QPushButton(tr("Check again")))
    , m_consentNow(body(u"contactConsentNow"_s))
    , m_unsubscribe(new QPushButton(tr("Unsubscribe…")))
    , m_resubscribe(new QPushButton(tr("Re-subscribe…")))
    , m_history(body(u"contactConsentHistory"_s))
    , m_tags(body(u"contactTags"_s))
    , m_attributes(body(u"contactAttributes"_s))
    , m_otherThreads(body(u"contactOtherThreads"_s))
{
    setObjectName(u"contactPanel"_s);
    setMinimumWidth(216);
    m_name->setObjectName(u"contactName"_s);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setWordWrap(true);
    m_number->setObjectName(u"contactNumber"_s);
    m_number->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checkAgain->setObjectName(u"checkTextEnabled"_s);
    m_unsubscribe->setObjectName(u"unsubscribeButton"_s);
    m_resubscribe->setObjectName(u"resubscribeButton"_s);

    auto *content = new QWidget;
    content->setObjectName(u"contactPanelContent"_s);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(6);
    layout->addWidget(m_name);
    layout->addWidget(m_number);
    auto *reach = new QHBoxLayout;
    reach->addWidget(m_reachability, 1);
    reach->addWidget(m_checkAgain, 0, Qt::AlignTop);
    layout->addLayout(reach);
    layout->addSpacing(6);
    layout->addWidget(sectionTitle(tr("Consent")));
    layout->addWidget(m_consentNow);
    // Side by side where there is room, one under the other in a narrow panel.
    auto *consentButtons = new FlowLayout;
    consentButtons->addWidget(m_unsubscribe);
    consentButtons->addWidget(m_resubscribe);
    layout->addLayout(consentButtons);
    layout->addWidget(sectionTitle(tr("Consent history")));
    layout->addWidget(m_history);
    layout->addSpacing(6);
    layout->addWidget(sectionTitle(tr("Tags")));
    layout->addWidget(m_tags);
    layout->addWidget(sectionTitle(tr("Attributes")));
    layout->addWidget(m_attributes);
    layout->addWidget(sectionTitle(tr("Other conversations")));
    layout->addWidget(m_otherThreads);
    layout->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setAccessibleName(tr("Contact details"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_checkAgain, &QPushButton::clicked, this, [this] {
        if (!m_customer.isEmpty())
            Q_EMIT checkTextEnabledRequested(m_customer);
    });
    connect(m_unsubscribe, &QPushButton::clicked, this, &ContactPanel::openUnsubscribe);
    connect(m_resubscribe, &QPushButton::clicked, this, &ContactPanel::openResubscribe);
    connect(m_otherThreads, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(u"thread:"))
            Q_EMIT threadRequested(link.mid(7).toLongLong());
    });
    if (changes) {
        connect(changes, &ChangeFeed::changed, this, [this](const ChangeSet &changed) {
            using T = ChangeSet::Table;
            // Consent and contacts have no thread id: any such change may be this customer's.
            if (m_threadId != 0 &&
                (changed.threads().contains(m_threadId) || changed.touches(T::Contacts) ||
                 changed.touches(T::ConsentEvents)))
                reload();
        });
    }
    clear();
}

void ContactPanel::showCustomer(qint64 accountId, const QString &customerNumber,
                                const QString &senderNumber, qint64 threadId)
{
    m_accountId = accountId;
    m_customer = customerNumber;
    m_sender = senderNumber;
    m_threadId = threadId;
    reload();
}

void ContactPanel::clear()
{
    m_accountId = 0;
    m_customer.clear();
    m_sender.clear();
    m_threadId = 0;
    m_details.reset();
    render();
}

void ContactPanel::reload()
{
    if (m_accountId == 0 || m_customer.isEmpty()) {
        m_details.reset();
        render();
        return;
    }
    auto query = m_reader.make<ContactDetailsQuery>();
    m_details = query.load(m_accountId, m_customer, m_threadId);
    if (!m_details) {
        qCWarning(lcUi) << "contact panel:" << query.errorString();
        Q_EMIT failed(query.errorString());
    }
    render();
}

void ContactPanel::render()
{
    const bool shown = m_details.has_value();
    for (QWidget *w : {static_cast<QWidget *>(m_checkAgain), static_cast<QWidget *>(m_unsubscribe),
                       static_cast<QWidget *>(m_resubscribe)})
        w->setEnabled(shown);
    m_unsubscribe->setEnabled(shown && m_commands);
    m_resubscribe->setEnabled(shown && m_commands);
    if (!shown) {
        m_name->setText(tr("No conversation selected"));
        for (QLabel *l : {m_number, m_reachability, m_consentNow, m_history, m_tags, m_attributes,
                          m_otherThreads})
            l->clear();
        return;
    }
    const ContactDetails &d = *m_details;
    m_name->setText(d.name.isEmpty() ? d.numberDisplay : d.name);
    m_number->setText(d.name.isEmpty() ? QString() : d.numberDisplay);
    m_number->setVisible(!d.name.isEmpty());

    QString reach = u"<b>"_s + esc(textEnabledText(d.textEnabled)) + u"</b>"_s;
    QStringList facts;
    if (!d.lineType.isEmpty())
        facts << tr("Line type: %1").arg(esc(LineTypeText::display(d.lineType)));
    if (!d.textEnabledSource.isEmpty())
        facts << tr("from %1").arg(esc(d.textEnabledSource));
    if (d.textEnabledCheckedAt > 0)
        facts << tr("on %1").arg(esc(when(d.textEnabledCheckedAt)));
    if (!facts.isEmpty())
        reach += u"<br>"_s + facts.join(u", "_s);
    m_reachability->setText(reach);

    QString now;
    for (const ContactDetails::SenderConsent &s : d.consentBySender) {
        const bool out = s.state == ConsentLedger::ConsentState::OptedOut;
        now += (out ? u"<span style='color:#b3261e'>"_s : u"<span>"_s) +
               esc(s.senderLabel.isEmpty() ? s.senderDisplay : s.senderLabel) + u": <b>"_s +
               esc(ContactDetails::stateText(s.state)) + u"</b></span><br>"_s;
    }
    m_consentNow->setText(now);

    QString history;
    for (auto it = d.consentHistory.crbegin(); it != d.consentHistory.crend(); ++it) {
        const ConsentEvent &e = *it;
        const bool out = e.kind == ConsentEvent::Kind::OptOut;
        const QString where = e.senderNumber.isEmpty() ? tr("all numbers") : esc(e.senderNumber);
        history += u"<p style='margin:0 0 6px 0'><b>"_s + (out ? tr("Opted out") : tr("Opted in")) +
                   u"</b> · "_s + esc(ConsentEvent::sourceToString(e.source)) + u" · "_s + where +
                   u"<br><span style='color:gray'>"_s +
                   esc(when(e.occurredAt.toMSecsSinceEpoch())) + u" · "_s + esc(e.actor) +
                   u"</span>"_s;
        if (!e.detail.isEmpty())
            history += u"<br>“"_s + esc(e.detail) + u"”"_s;
        history += u"</p>"_s;
    }
    m_history->setText(history.isEmpty() ? tr("No consent recorded.") : history);

    QStringList tags;
    for (const QString &t : d.tags)
        tags << esc(t);
    m_tags->setText(tags.isEmpty() ? tr("None") : tags.join(u" · "_s));
    QString attributes;
    for (auto it = d.attributes.cbegin(); it != d.attributes.cend(); ++it)
        attributes += esc(it.key()) + u": "_s + esc(it.value().toString()) + u"<br>"_s;
    m_attributes->setText(attributes.isEmpty() ? tr("None") : attributes);

    QString others;
    for (const ContactDetails::OtherThread &t : d.otherThreads) {
        others += u"<a href='thread:"_s + QString::number(t.threadId) + u"'>"_s +
                  esc(t.senderLabel.isEmpty() ? t.senderDisplay : t.senderLabel) + u" ("_s +
                  esc(t.senderDisplay) + u")</a> · "_s + esc(t.status) + u"<br>"_s;
    }
    m_otherThreads->setText(others.isEmpty() ? tr("None with our other numbers") : others);
}

void ContactPanel::openUnsubscribe()
{
    openDialogFor(true);
}

void ContactPanel::openResubscribe()
{
    openDialogFor(false);
}

ConsentChangeDialog *ContactPanel::openDialog() const
{
    return m_dialog;
}

void ContactPanel::openDialogFor(bool optOut)
{
    if (!m_details || !m_commands)
        return;
    if (m_dialog)
        m_dialog->deleteLater();
    QString senderDisplay = m_sender;
    for (const auto &s : m_details->consentBySender) {
        if (s.senderNumber == m_sender)
            senderDisplay = s.senderDisplay;
    }
    m_dialog = new ConsentChangeDialog(
        optOut ? ConsentEvent::Kind::OptOut : ConsentEvent::Kind::OptIn, m_customer,
        m_details->numberDisplay, m_sender, senderDisplay, m_commands->actor(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    ConsentChangeDialog *dialog = m_dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { record(dialog->event()); });
    dialog->open();
}

void ContactPanel::record(const ConsentEvent &event)
{
    // The dialog checked the event as the command will; the command checks again and
    // records it as its agent's, now.
    const auto done = [this, number = event.contactNumber](const CommandResult &result) {
        if (!result.ok) {
            Q_EMIT failed(result.error);
            return;
        }
        reload();
        Q_EMIT consentChanged(number);
    };
    if (event.kind == ConsentEvent::Kind::OptOut)
        m_commands->unsubscribe(m_accountId, event.contactNumber, event.senderNumber, event.detail,
                                this, done);
    else
        m_commands->resubscribe(m_accountId, event.contactNumber, event.senderNumber, event.source,
                                event.detail, this, done);
}
