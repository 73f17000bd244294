#include "ConversationPane.h"

#include "CannedReplyRows.h"
#include "ChangeFeed.h"
#include "Composer.h"
#include "ConsentRows.h"
#include "ConversationHeader.h"
#include "DraftRows.h"
#include "InboxCommands.h"
#include "LineTypeText.h"
#include "MessageBubbleDelegate.h"
#include "NoteTimelineModel.h"
#include "StoreReader.h"
#include "TeamCommands.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"
#include "UiLogging.h"

#include <QFrame>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ConversationPane::ConversationPane(const StoreReader &reader, ChangeFeed *changes,
                                   InboxCommands *commands, qint64 accountId, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_commands(commands)
    , m_accountId(accountId)
    // Owned by this pane as its QObject child, so it outlives the view showing it.
    , m_model(reader.create<ThreadMessagesModel>(this).release())
    , m_header(new ConversationHeader)
    , m_view(new ThreadView)
    , m_composer(new Composer)
{
    setObjectName(u"conversationPane"_s);
    m_view->setMessagesModel(m_model);

    auto *topLine = new QFrame;
    topLine->setObjectName(u"conversationDivider"_s);
    topLine->setFrameShape(QFrame::HLine);
    auto *bottomLine = new QFrame;
    bottomLine->setObjectName(u"conversationDivider"_s);
    bottomLine->setFrameShape(QFrame::HLine);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(topLine);
    layout->addWidget(m_view, 1);
    layout->addWidget(bottomLine);
    layout->addWidget(m_composer);

    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(DraftSaveDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &ConversationPane::saveDraft);
    connect(m_composer, &Composer::edited, this, [this] {
        m_draftDirty = true;
        m_draftTimer.start();
    });
    connect(m_composer, &Composer::sendRequested, this, [this](const QString &body) {
        // What was typed, fields and all, is what comes back if the send is refused.
        m_lastSent = m_composer->body();
        // The reply shows where it lands, also when older history was being read.
        m_view->scrollToBottom();
        Q_EMIT sendRequested(m_threadId, body);
    });
    connect(m_composer, &Composer::noteRequested, this, &ConversationPane::addNote);
    connect(m_composer, &Composer::saveCannedReplyRequested, this,
            &ConversationPane::saveCannedReply);
    connect(m_view, &ThreadView::retryRequested, this, &ConversationPane::retryRequested);
    connect(m_composer, &Composer::sendLaterRequested, this,
            [this](const QString &body) { Q_EMIT sendLaterRequested(m_threadId, body); });
    connect(m_view, &ThreadView::editScheduledRequested, this,
            &ConversationPane::editScheduledRequested);
    connect(m_view, &ThreadView::cancelScheduledRequested, this,
            &ConversationPane::cancelScheduledRequested);
    connect(m_header, &ConversationHeader::threadRequested, this,
            &ConversationPane::threadRequested);
    connect(changes, &ChangeFeed::changed, this, &ConversationPane::onStoreChanged);

    reloadCannedReplies();
    openThread(0);
}

ConversationPane::~ConversationPane()
{
    saveDraft();
}

void ConversationPane::setNow(const QDateTime &now)
{
    m_view->bubbleDelegate()->setNow(now);
    m_view->viewport()->update();
}

void ConversationPane::openThread(qint64 threadId)
{
    saveDraft();
    m_threadId = threadId;
    m_model->setThread(m_accountId, threadId);
    reloadNotes();
    reloadHeader();

    QString draft;
    if (threadId != 0) {
        const auto saved = m_savedDrafts.constFind(threadId);
        if (saved != m_savedDrafts.cend()) {
            draft = *saved;
        } else {
            draft = m_reader.make<DraftRows>().draft(threadId).value_or(QString());
        }
    }
    m_composer->setBody(draft);
    m_composer->showError({});
    m_lastSent.clear();
    m_composer->setConversationOpen(m_facts.has_value());
}

bool ConversationPane::showMessage(qint64 messageId)
{
    return m_threadId != 0 && m_view->showMessage(messageId);
}

void ConversationPane::setAccount(qint64 accountId)
{
    openThread(0);
    m_accountId = accountId;
    reloadCannedReplies();
}

void ConversationPane::saveDraft()
{
    m_draftTimer.stop();
    if (!m_draftDirty || m_threadId == 0)
        return;
    m_draftDirty = false;
    const qint64 threadId = m_threadId;
    const QString body = m_composer->body();
    m_savedDrafts.insert(threadId, body);
    // No context: the answer is only logged, also after this pane is gone.
    m_commands->saveDraft(m_accountId, threadId, body, nullptr, [](const CommandResult &result) {
        if (!result.ok)
            qCWarning(lcUi) << "Draft not saved:" << result.error;
    });
}

void ConversationPane::reloadHeader()
{
    m_facts.reset();
    if (m_threadId != 0) {
        auto query = m_reader.make<ConversationQuery>();
        m_facts = query.header(m_accountId, m_threadId);
        if (!m_facts)
            qCWarning(lcUi) << "Cannot open thread:" << query.errorString();
    }
    if (!m_facts) {
        m_header->clear();
        m_composer->setTemplateValues({});
        m_composer->setBlockedReason({});
        m_composer->setWarning({});
        return;
    }
    m_header->setHeader(*m_facts);
    m_header->setLinkedThreads(
        m_reader.make<ConversationQuery>().linkedThreads(m_accountId, m_threadId));
    m_composer->setTemplateValues(m_facts->templateValues());
    refreshSendability();
}

void ConversationPane::refreshSendability()
{
    if (!m_facts)
        return;
    const ConversationQuery::Header &h = *m_facts;
    const QString who = h.customerName.isEmpty() ? h.customerDisplay : h.customerName;
    const QString ours = ConversationHeader::senderText(h.senderLabel, h.senderDisplay);

    QString blocked;
    auto consent = m_reader.make<ConsentRows>();
    const std::optional<ConsentLedger> ledger = consent.ledgerFor(m_accountId, h.customerNumber);
    if (!ledger) {
        blocked = tr("Sending is paused: this customer's consent could not be read (%1).")
                      .arg(consent.errorString());
    } else if (!ledger->maySend(h.customerNumber, h.senderNumber,
                                ConsentLedger::MessagePurpose::Conversation)) {
        const ConsentLedger::Consent c = ledger->consent(h.customerNumber, h.senderNumber);
        QString since;
        if (c.decidingEvent) {
            const ConsentEvent &e = *c.decidingEvent;
            since = tr(" on %1").arg(
                QLocale().toString(e.occurredAt.toLocalTime().date(), QLocale::ShortFormat));
            if (!e.detail.isEmpty())
                since += tr(" (%1)").arg(e.detail);
        }
        blocked =
            tr("%1 unsubscribed from texts from %2%3. Sending is blocked.").arg(who, ours, since);
    } else if (h.textEnabled == u"no") {
        blocked =
            tr("%1 cannot receive texts (%2). Sending is blocked.")
                .arg(h.customerDisplay, h.lineType.isEmpty() ? tr("not text-enabled")
                                                             : LineTypeText::display(h.lineType));
    }
    m_composer->setBlockedReason(blocked);

    QString warning;
    if (blocked.isEmpty() && h.textEnabled == u"checking")
        warning = tr("Checking whether %1 can receive texts\u2026 The message may not arrive.")
                      .arg(h.customerDisplay);
    else if (blocked.isEmpty() && h.textEnabled == u"unknown")
        warning = tr("Not yet known whether %1 can receive texts (it may be a landline).")
                      .arg(h.customerDisplay);
    m_composer->setWarning(warning);
}

void ConversationPane::showSendError(const QString &error)
{
    m_composer->showError(error);
    if (m_composer->body().isEmpty() && !m_lastSent.isEmpty()) {
        // Nothing the agent typed is lost: the refused text comes back to the editor.
        m_composer->setBody(m_lastSent);
        m_composer->showError(error);
        m_draftDirty = true;
        saveDraft();
    }
}

void ConversationPane::reloadCannedReplies()
{
    auto rows = m_reader.make<CannedReplyRows>();
    const auto replies = rows.replies(m_accountId);
    if (!replies)
        qCWarning(lcUi) << "Cannot read canned replies:" << rows.errorString();
    m_composer->setCannedReplies(replies.value_or(QList<CannedReplyRows::Reply>()));
}

void ConversationPane::saveCannedReply(const QString &name, const QString &body)
{
    m_commands->saveCannedReply(m_accountId, name, body, this, [this](const CommandResult &result) {
        if (!result.ok)
            m_composer->showError(result.error);
        reloadCannedReplies();
    });
}

void ConversationPane::onStoreChanged(const ChangeSet &changes)
{
    using T = ChangeSet::Table;
    m_model->applyChanges(changes);
    if (m_threadId != 0 && changes.touches(T::ThreadNotes))
        reloadNotes();
    // A verdict, a consent change or a new thread with this customer on another of our
    // numbers: the header facts are one small query, so re-read them for any such change.
    if (m_threadId != 0 && (changes.touches(T::Threads) || changes.touches(T::Contacts) ||
                            changes.touches(T::ConsentEvents)))
        reloadHeader();
}

void ConversationPane::setTeamCommands(TeamCommands *team)
{
    m_team = team;
    m_composer->setNotesAvailable(team != nullptr);
}

void ConversationPane::reloadNotes()
{
    if (m_threadId == 0) {
        m_view->timeline()->setNotes({});
        return;
    }
    auto rows = m_reader.make<ThreadNoteRows>();
    const auto notes = rows.forThread(m_threadId);
    if (!notes)
        qCWarning(lcUi) << "Cannot read the thread's notes:" << rows.errorString();
    m_view->timeline()->setNotes(notes.value_or(QList<ThreadNoteRows::Note>()));
}

void ConversationPane::addNote(const QString &body)
{
    if (!m_team || m_threadId == 0)
        return;
    // The note shows when the change feed brings it; only a refusal is answered here.
    m_team->addNote(m_accountId, m_threadId, body, this, [this, body](const CommandResult &result) {
        if (result.ok)
            return;
        m_composer->showError(result.error);
        if (m_composer->body().isEmpty())
            m_composer->setBody(body);
    });
}
