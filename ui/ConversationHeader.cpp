#include "ConversationHeader.h"

#include "FlowLayout.h"
#include "LineTypeText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ConversationHeader::ConversationHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_subtitle(new QLabel)
    , m_via(new QLabel)
    , m_badge(new QLabel)
    , m_presence(new QLabel)
    , m_banner(new QWidget)
    , m_linkLayout(new QHBoxLayout)
{
    setObjectName(u"conversationHeader"_s);
    setAttribute(Qt::WA_StyledBackground);
    m_title->setObjectName(u"conversationTitle"_s);
    m_subtitle->setObjectName(u"conversationSubtitle"_s);
    m_via->setObjectName(u"conversationSender"_s);
    m_badge->setObjectName(u"conversationTextEnabled"_s);
    m_banner->setObjectName(u"conversationLinkedBanner"_s);
    m_banner->setAttribute(Qt::WA_StyledBackground);
    m_presence->setObjectName(u"conversationPresence"_s);
    // Stands apart from the customer's facts: a teammate's activity, not the customer's.
    m_presence->setStyleSheet(u"color: #1a7f37; font-style: italic;"_s);
    m_presence->hide();
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *whoBox = new QWidget;
    auto *who = new QVBoxLayout(whoBox);
    who->setContentsMargins(0, 0, 0, 0);
    who->setSpacing(2);
    who->addWidget(m_title);
    who->addWidget(m_subtitle);
    who->addWidget(m_presence);

    // Who on the left, our number and the text-enabled badge on the right, kept apart; on a
    // narrow pane the right part moves under the name instead of widening the window.
    auto *top = new FlowLayout(nullptr, 24);
    top->setLastItemRight(true);
    top->setContentsMargins(18, 12, 18, 12);
    top->addWidget(whoBox);
    auto *rightBox = new QWidget;
    auto *right = new QVBoxLayout(rightBox);
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(4);
    right->addWidget(m_via, 0, Qt::AlignRight);
    right->addWidget(m_badge, 0, Qt::AlignRight);
    top->addWidget(rightBox);

    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(18, 6, 18, 6);
    bannerLayout->setSpacing(6);
    auto *bannerText = new QLabel(tr("Also texting with this customer from"));
    bannerText->setObjectName(u"conversationLinkedText"_s);
    bannerLayout->addWidget(bannerText);
    m_linkLayout->setSpacing(4);
    bannerLayout->addLayout(m_linkLayout);
    bannerLayout->addStretch();
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_banner);
}

QString ConversationHeader::senderText(const QString &label, const QString &display)
{
    return label.isEmpty() ? display : label + u" \u00b7 "_s + display;
}

void ConversationHeader::setHeader(const ConversationQuery::Header &h)
{
    const bool named = !h.customerName.isEmpty();
    m_title->setText(named ? h.customerName : h.customerDisplay);
    m_subtitle->setText(named ? h.customerDisplay : tr("No contact name"));
    m_via->setText(tr("via %1").arg(senderText(h.senderLabel, h.senderDisplay)));
    QString badge;
    if (h.textEnabled == u"yes")
        badge = tr("Mobile \u00b7 can receive texts");
    else if (h.textEnabled == u"no")
        badge = h.lineType.isEmpty()
                    ? tr("Cannot receive texts")
                    : tr("%1 \u00b7 cannot receive texts").arg(LineTypeText::display(h.lineType));
    else if (h.textEnabled == u"checking")
        badge = tr("Checking whether it can receive texts\u2026");
    else
        badge = tr("Not yet known whether it can receive texts");
    m_badge->setText(badge);
    m_badge->setVisible(true);
    m_badge->setProperty("textEnabled", h.textEnabled);
    m_badge->style()->unpolish(m_badge);
    m_badge->style()->polish(m_badge);
    const QString key = h.customerNumber.isEmpty() || h.senderNumber.isEmpty()
                            ? QString()
                            : h.customerNumber + u'|' + h.senderNumber;
    if (key != m_threadKey) {
        m_threadKey = key;
        setPresence({}, {});
        Q_EMIT threadKeyChanged(key);
    }
}

QString ConversationHeader::presenceText(const QStringList &typing, const QStringList &viewing)
{
    const auto names = [](const QStringList &list) {
        if (list.size() == 1)
            return list.first();
        return tr("%1 and %2").arg(list.mid(0, list.size() - 1).join(u", "_s), list.last());
    };
    QStringList parts;
    if (!typing.isEmpty())
        parts.append(typing.size() == 1 ? tr("%1 is replying\u2026").arg(names(typing))
                                        : tr("%1 are replying\u2026").arg(names(typing)));
    if (!viewing.isEmpty())
        parts.append(viewing.size() == 1 ? tr("%1 is viewing").arg(names(viewing))
                                         : tr("%1 are viewing").arg(names(viewing)));
    return parts.join(u" \u00b7 "_s);
}

void ConversationHeader::setPresence(const QStringList &typing, const QStringList &viewing)
{
    const QString text = presenceText(typing, viewing);
    m_presence->setText(text);
    m_presence->setVisible(!text.isEmpty());
}

QString ConversationHeader::presenceLine() const
{
    return m_presence->text();
}

void ConversationHeader::setLinkedThreads(const QList<ConversationQuery::LinkedThread> &threads)
{
    while (QLayoutItem *item = m_linkLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const ConversationQuery::LinkedThread &t : threads) {
        auto *link = new QPushButton(senderText(t.senderLabel, t.senderDisplay));
        link->setObjectName(u"linkedThread_"_s + QString::number(t.threadId));
        link->setProperty("linkButton", true);
        link->setCursor(Qt::PointingHandCursor);
        link->setFlat(true);
        link->setToolTip(tr("Open the separate conversation on this number"));
        const qint64 id = t.threadId;
        connect(link, &QPushButton::clicked, this, [this, id] { Q_EMIT threadRequested(id); });
        m_linkLayout->addWidget(link);
        link->show(); // else shown only once the event loop runs, after a grab or a check
    }
    m_banner->setVisible(!threads.isEmpty());
}

void ConversationHeader::clear()
{
    m_title->clear();
    m_subtitle->clear();
    m_via->clear();
    m_badge->clear();
    m_badge->hide(); // its pill would show empty
    setLinkedThreads({});
    setPresence({}, {});
    if (!m_threadKey.isEmpty()) {
        m_threadKey.clear();
        Q_EMIT threadKeyChanged({});
    }
}
