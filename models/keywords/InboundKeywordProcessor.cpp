#include "InboundKeywordProcessor.h"

#include "ConfirmationRuleRows.h"
#include "ConsentRows.h"
#include "KeywordConsentOps.h"
#include "KeywordMatcher.h"
#include "KeywordProcessRows.h"
#include "MessageStore.h"
#include "SegmentCounter.h"
#include "StoreLogging.h"
#include "UnansweredKeywords.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

using namespace Qt::StringLiterals;

struct InboundKeywordProcessor::Inbound
{
    qint64 id = 0;
    qint64 threadId = 0; // 0: unrouted
    QString customer;
    QString ours;
    QString body;
    QString sid;
    qint64 createdAtMs = 0;
};

struct InboundKeywordProcessor::Outcome
{
    QString outcome = u"no_match"_s;
    qint64 processId = 0;
    std::optional<KeywordProcess::Type> type;
    QString keyword;
    qint64 replyId = 0;
    QString note;
    std::optional<ConsentEvent> consent;
};

namespace {

struct Number
{
    qint64 id = 0;
    KeywordMatcher::NumberKind kind = KeywordMatcher::NumberKind::LongCode;
    QString providerKeyword;
    bool providerAnswers = true;
};

// The provider's default keyword the text is ("stop" → "STOP"), as its list spells it.
QString defaultKeywordOf(QStringView body, KeywordProcess::Type type)
{
    const QString folded = KeywordMatcher::fold(body.trimmed());
    for (const QString &keyword : KeywordProcess::defaultKeywords(type)) {
        if (KeywordMatcher::fold(keyword) == folded)
            return keyword;
    }
    return body.trimmed().toString();
}

QString actionNote(KeywordProcess::Type type, const QString &keyword)
{
    switch (type) {
    case KeywordProcess::Type::Unsubscribe:
        return u"Opted out by keyword "_s + keyword + u'.';
    case KeywordProcess::Type::Subscribe:
        return u"Opted in by keyword "_s + keyword + u'.';
    case KeywordProcess::Type::Help:
        return u"Help requested with keyword "_s + keyword + u'.';
    case KeywordProcess::Type::AutoReply:
        return u"Auto-reply keyword "_s + keyword + u'.';
    }
    return {};
}

} // namespace

InboundKeywordProcessor::InboundKeywordProcessor(QSqlDatabase db, MessageStore *messages)
    : m_db(std::move(db))
    , m_messages(messages)
{}

QString InboundKeywordProcessor::replyClientRef(const QString &inboundSid, qint64 messageId)
{
    return inboundSid.isEmpty() ? u"keyword:message:"_s + QString::number(messageId)
                                : u"keyword:"_s + inboundSid;
}

InboundKeywordProcessor::Result InboundKeywordProcessor::run(qint64 accountId)
{
    Result result;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, number, kind, provider_keyword, provider_answers_keywords "
                  u"FROM sender_numbers WHERE account_id = ?"_s);
    query.addBindValue(accountId);
    if (!query.exec()) {
        result.errors.append(u"cannot read sender numbers: "_s + query.lastError().text());
        return result;
    }
    QHash<QString, Number> numbers;
    while (query.next()) {
        const auto kind = KeywordMatcher::numberKindFromString(query.value(2).toString());
        if (!kind)
            continue;
        Number number;
        number.id = query.value(0).toLongLong();
        number.kind = *kind;
        number.providerKeyword = query.value(3).toString();
        // Unset: what the provider does by default for the kind (long codes and toll-free
        // answer, short codes only with Advanced Opt-Out).
        const bool setting = query.value(4).isNull()
                                 ? (*kind == KeywordMatcher::NumberKind::LongCode ||
                                    *kind == KeywordMatcher::NumberKind::TollFree)
                                 : query.value(4).toInt() == 1;
        number.providerAnswers = ConfirmationRule::providerHandlesDefaultKeywords(*kind, setting);
        numbers.insert(query.value(1).toString(), number);
    }
    query.finish();

    KeywordProcessRows processRows(m_db);
    const auto rows = processRows.list(accountId);
    if (!rows) {
        result.errors.append(processRows.errorString());
        return result;
    }
    QHash<qint64, QList<KeywordProcessRows::Row>> byNumber;
    for (const auto &row : *rows)
        byNumber[row.senderNumberId].append(row);
    ConfirmationRuleRows ruleRows(m_db);
    const auto rules = ruleRows.load(accountId);
    if (!rules) {
        result.errors.append(ruleRows.errorString());
        return result;
    }

    query.prepare(u"SELECT m.id, m.thread_id, m.from_number, m.to_number, m.body, "
                  u"m.provider_sid, m.created_at FROM messages m "
                  u"WHERE m.account_id = ? AND m.direction = 'in' AND NOT EXISTS "
                  u"(SELECT 1 FROM keyword_runs k WHERE k.message_id = m.id) ORDER BY m.id"_s);
    query.addBindValue(accountId);
    if (!query.exec()) {
        result.errors.append(u"cannot read inbound messages: "_s + query.lastError().text());
        return result;
    }
    QList<Inbound> pending;
    while (query.next()) {
        Inbound message;
        message.id = query.value(0).toLongLong();
        message.threadId = query.value(1).toLongLong();
        message.customer = query.value(2).toString();
        message.ours = query.value(3).toString();
        message.body = query.value(4).toString();
        message.sid = query.value(5).toString();
        message.createdAtMs = query.value(6).toLongLong();
        pending.append(message);
    }
    query.finish();

    const qint64 now = m_nowMs > 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
    for (const Inbound &message : std::as_const(pending)) {
        m_error.clear();
        Outcome outcome;
        const auto number = numbers.constFind(message.ours);
        if (number != numbers.cend()) {
            QList<KeywordProcess> processes;
            QHash<qint64, QString> replies;
            for (const auto &row : byNumber.value(number->id)) {
                processes.append(row.process);
                replies.insert(row.process.id, row.reply);
            }
            const QStringList providerKeywords = number->providerKeyword.isEmpty()
                                                     ? QStringList()
                                                     : QStringList{number->providerKeyword};
            const auto match =
                KeywordMatcher::match(message.body, number->kind, providerKeywords, processes);
            bool providerDefault = false;
            if (match.matched()) {
                outcome.outcome = u"matched"_s;
                outcome.processId = match.process->id;
                outcome.type = match.process->type;
                outcome.keyword = match.keyword;
                providerDefault = match.isProviderDefault;
            } else if (const auto type =
                           KeywordMatcher::providerDefaultType(message.body, number->kind);
                       type && number->providerAnswers) {
                // No process of ours acted, but the provider did: its STOP still blocks.
                outcome.outcome = u"provider_default"_s;
                outcome.type = *type;
                outcome.keyword = defaultKeywordOf(message.body, *type);
                providerDefault = true;
            } else if (!match.nearMissKeyword.isEmpty()) {
                outcome.outcome = u"near_miss"_s;
                outcome.note = u"Looks like the keyword "_s + match.nearMissKeyword +
                               u" but was not processed: keywords match only on their own, "
                               u"without punctuation."_s;
            }
            if (outcome.type) {
                const KeywordProcess::Type type = *outcome.type;
                outcome.note = actionNote(type, outcome.keyword);
                const QString reply = replies.value(outcome.processId);
                const auto rule = rules->ruleFor(ConfirmationRuleRows::countryOf(message.customer));
                const auto decision =
                    outcome.outcome == u"matched"_s
                        ? ConfirmationRule::shouldSendReply(type, !reply.isEmpty(), rule,
                                                            number->providerAnswers,
                                                            providerDefault, outcome.keyword)
                        : ConfirmationRule::shouldSendReply(
                              type, false, rule, number->providerAnswers, true, outcome.keyword);
                if (!decision.send) {
                    outcome.note += u' ' + decision.explanation;
                } else if (message.threadId == 0) {
                    outcome.note +=
                        u" No reply: replies to this send-only number reach no inbox."_s;
                } else if (now - message.createdAtMs > m_replyWindow.count()) {
                    // Days late is worse than not at all; agents see it in the thread instead.
                    UnansweredKeywords unanswered(m_db);
                    const auto noted = unanswered.noteIfUnanswered(
                        message.threadId, message.id, message.createdAtMs, outcome.keyword,
                        m_replyWindow.count(), now);
                    if (!noted) {
                        result.errors.append(unanswered.errorString());
                        continue; // not marked: tried again on the next run
                    }
                    outcome.note +=
                        u" No reply: "_s +
                        UnansweredKeywords::line(outcome.keyword, now - message.createdAtMs,
                                                 m_replyWindow.count()) +
                        u'.';
                } else if (!queueReply(message, reply, &outcome.replyId)) {
                    result.errors.append(m_error);
                    continue; // not marked: tried again on the next run
                } else {
                    outcome.note += u" Reply queued."_s;
                    result.queuedReplyIds.append(outcome.replyId);
                }
                if (type == KeywordProcess::Type::Unsubscribe ||
                    type == KeywordProcess::Type::Subscribe) {
                    ConsentEvent event;
                    event.contactNumber = message.customer;
                    event.senderNumber = message.ours;
                    event.kind = type == KeywordProcess::Type::Unsubscribe
                                     ? ConsentEvent::Kind::OptOut
                                     : ConsentEvent::Kind::OptIn;
                    event.source = ConsentEvent::Source::Keyword;
                    event.detail = outcome.keyword;
                    event.messageSid = message.sid;
                    if (event.kind == ConsentEvent::Kind::OptIn && outcome.replyId > 0)
                        event.optInCopy = reply;
                    event.actor = u"system"_s;
                    event.occurredAt = QDateTime::fromMSecsSinceEpoch(message.createdAtMs, Qt::UTC);
                    outcome.consent = event;
                }
            }
        }
        if (!writeRun(accountId, message, outcome)) {
            result.errors.append(m_error);
            continue;
        }
        ++result.processed;
        if (outcome.type) {
            ++result.matched;
            if (outcome.type == KeywordProcess::Type::Unsubscribe)
                ++result.optOuts;
            else if (outcome.type == KeywordProcess::Type::Subscribe)
                ++result.optIns;
        }
    }
    for (const QString &error : std::as_const(result.errors))
        qCWarning(lcStore).noquote() << "keyword processing:" << error;
    return result;
}

bool InboundKeywordProcessor::queueReply(const Inbound &message, const QString &body,
                                         qint64 *replyId)
{
    OutgoingMessage reply;
    reply.threadId = message.threadId;
    reply.body = body;
    reply.clientRef = replyClientRef(message.sid, message.id);
    reply.author = u"system"_s;
    const SegmentCount count = SegmentCounter::count(body);
    reply.segments = count.segments;
    reply.encoding = count.encoding == SegmentCount::Encoding::Gsm7 ? u"gsm7"_s : u"ucs2"_s;
    reply.purpose = ConsentLedger::MessagePurpose::KeywordConfirmation;
    if (!m_messages->insertOutgoing(reply, replyId)) {
        m_error = u"message %1: cannot queue the keyword reply: %2"_s.arg(
            QString::number(message.id), m_messages->errorString());
        return false;
    }
    return true;
}

bool InboundKeywordProcessor::writeRun(qint64 accountId, const Inbound &message,
                                       const Outcome &outcome)
{
    if (!m_db.transaction()) {
        m_error = u"cannot begin a transaction: "_s + m_db.lastError().text();
        return false;
    }
    const auto abort = [&](const QString &why) {
        m_db.rollback();
        m_error = u"message %1: %2"_s.arg(QString::number(message.id), why);
        return false;
    };
    // In a team the same STOP may have reached this ledger from the team log already.
    const auto seen = outcome.consent && !outcome.consent->messageSid.isEmpty()
                          ? KeywordConsentOps(m_db).recorded(accountId, outcome.consent->messageSid)
                          : std::optional<bool>(false);
    if (!seen)
        return abort(u"cannot read the consent ledger"_s);
    if (outcome.consent && !*seen) {
        ConsentRows consent(m_db);
        if (!consent.record(accountId, *outcome.consent))
            return abort(consent.errorString());
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO keyword_runs (message_id, account_id, thread_id, process_id, "
                  u"process_type, keyword, outcome, reply_message_id, note, processed_at) "
                  u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(message.id);
    query.addBindValue(accountId);
    query.addBindValue(message.threadId > 0 ? QVariant(message.threadId) : QVariant());
    query.addBindValue(outcome.processId > 0 ? QVariant(outcome.processId) : QVariant());
    query.addBindValue(outcome.type ? KeywordProcess::typeToString(*outcome.type) : u""_s);
    query.addBindValue(outcome.keyword.isNull() ? u""_s : outcome.keyword);
    query.addBindValue(outcome.outcome);
    query.addBindValue(outcome.replyId > 0 ? QVariant(outcome.replyId) : QVariant());
    query.addBindValue(outcome.note.isNull() ? u""_s : outcome.note);
    query.addBindValue(now);
    if (!query.exec())
        return abort(u"cannot mark it processed: "_s + query.lastError().text());
    if (outcome.type == KeywordProcess::Type::Unsubscribe) {
        query.prepare(u"INSERT INTO events (account_id, kind, message_id, contact_number, "
                      u"sender_number, occurred_at) VALUES (?, 'opted_out', ?, ?, ?, ?)"_s);
        query.addBindValue(accountId);
        query.addBindValue(message.id);
        query.addBindValue(message.customer);
        query.addBindValue(message.ours);
        query.addBindValue(message.createdAtMs);
        if (!query.exec())
            return abort(u"cannot record the opt-out event: "_s + query.lastError().text());
    }
    query.finish();
    if (!m_db.commit())
        return abort(u"cannot commit: "_s + m_db.lastError().text());
    return true;
}
