#include "NumberSettingsOpApplier.h"

#include "Savepoint.h"
#include "SenderNumberRows.h"
#include "StoreLogging.h"
#include "TeamOutboxRows.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {
const QString Put = u"number.put"_s;
const QString Field = u"settings"_s;

bool isShortCode(const QString &kind)
{
    return kind == u"short_code"_s || kind == u"shared_short_code"_s;
}
} // namespace

// The provider SID of one of this profile's accounts, and back; '' / 0 when unknown.
static QString sidOf(QSqlDatabase db, qint64 accountId)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT provider_account_sid FROM accounts WHERE id = ?"_s);
    q.addBindValue(accountId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

static qint64 accountOfSid(QSqlDatabase db, const QString &sid)
{
    if (sid.isEmpty())
        return 0;
    QSqlQuery q(db);
    q.prepare(u"SELECT id FROM accounts WHERE provider_account_sid = ?"_s);
    q.addBindValue(sid);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool NumberSettingsOpApplier::handles(const QString &kind)
{
    return kind == Put;
}

NumberSettingsOpApplier::NumberSettingsOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<TeamOp> NumberSettingsOpApplier::putOp(qint64 accountId, qint64 numberId)
{
    SenderNumberRows rows(m_db);
    const auto row = rows.find(accountId, numberId);
    if (!row || row->sharedIn) {
        m_error =
            row ? u"%1 is not the account's own number"_s.arg(row->number) : rows.errorString();
        return std::nullopt;
    }
    TeamOp op;
    op.kind = Put;
    op.target = row->number;
    op.fields = {{u"field"_s, Field},
                 {u"label"_s, row->label},
                 {u"throughput_mps"_s, row->throughputMps},
                 {u"daily_cap"_s, row->dailyCap ? QJsonValue(*row->dailyCap) : QJsonValue()},
                 {u"send_only"_s, row->sendOnly},
                 {u"provider_keyword"_s, row->providerKeyword},
                 {u"provider_answers"_s, row->providerAnswersSetting
                                             ? QJsonValue(*row->providerAnswersSetting)
                                             : QJsonValue()}};
    // The accounts it is lent to, by their provider SID (local ids differ per desktop); one
    // without a SID here cannot be named on another desktop and is left out.
    QJsonArray lentTo;
    for (const qint64 borrower : row->sharedWithAccountIds) {
        if (const QString sid = sidOf(m_db, borrower); !sid.isEmpty())
            lentTo.append(sid);
    }
    op.fields.insert(u"lent_to"_s, lentTo);
    return op;
}

std::optional<Outcome> NumberSettingsOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                      TeamOpApplier::Origin origin)
{
    m_error.clear();
    TeamOutboxRows outbox(m_db);
    if (origin == TeamOpApplier::Origin::Log && !outbox.contains(op.id) &&
        outbox.hasPendingField(accountId, op.target, Field))
        return Outcome::Overridden; // ours comes later in the log and wins when it comes back
    SenderNumberRows rows(m_db);
    const auto list = rows.list(accountId);
    if (!list) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    std::optional<SenderNumberRows::Row> current;
    for (const SenderNumberRows::Row &row : *list) {
        if (row.number == op.target && !row.sharedIn)
            current = row;
    }
    const QJsonObject &f = op.fields;
    const double throughput = f.value(u"throughput_mps"_s).toDouble();
    if (!current || !(throughput > 0))
        return Outcome::NotApplicable; // a number this desktop has not synced, or a broken op
    const QString label = f.value(u"label"_s).toString(u""_s);
    const QJsonValue cap = f.value(u"daily_cap"_s);
    const std::optional<int> dailyCap = cap.isDouble() ? std::optional(cap.toInt()) : std::nullopt;
    const bool sendOnly = f.value(u"send_only"_s).toBool();
    const QString keyword = f.value(u"provider_keyword"_s).toString().trimmed().toUpper();
    const QJsonValue answers = f.value(u"provider_answers"_s);
    const std::optional<bool> answersSetting =
        answers.isBool() ? std::optional(answers.toBool()) : std::nullopt;
    QString actor = f.value(u"by"_s).toString(op.agent);
    if (actor.trimmed().isEmpty())
        actor = u"team"_s;

    Savepoint tx(m_db, u"number_settings_op"_s);
    if (!tx.begin()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    bool changed = false;
    bool ok = true;
    const qint64 id = current->id;
    // Lending as the op says, for the borrowers this desktop has (by SID): taken back first
    // (a number lent out cannot take replies again), lent after send-only is set. An op from a
    // version before lending was shared has no lent_to: lending is left as it is.
    const QJsonValue lent = f.value(u"lent_to"_s);
    QSet<qint64> lendTo;
    QList<qint64> takeBack;
    if (lent.isArray()) {
        for (const QJsonValue &sid : lent.toArray()) {
            if (const qint64 borrower = accountOfSid(m_db, sid.toString()); borrower != 0)
                lendTo.insert(borrower);
        }
        for (const qint64 borrower : current->sharedWithAccountIds) {
            if (!lendTo.remove(borrower))
                takeBack.append(borrower);
        }
    }
    for (const qint64 borrower : std::as_const(takeBack)) {
        ok = ok && rows.unshare(id, borrower, actor);
        changed = true;
    }
    if (ok && isShortCode(current->kind) && current->providerKeyword != keyword) {
        ok = rows.setSharedShortCode(accountId, id, keyword, actor);
        changed = true;
    }
    if (ok && (current->label != label || current->throughputMps != throughput ||
               current->dailyCap != dailyCap)) {
        ok = rows.setDetails(accountId, id, label, throughput, dailyCap, actor);
        changed = true;
    }
    if (ok && current->sendOnly != sendOnly) {
        ok = rows.setSendOnly(accountId, id, sendOnly, actor);
        changed = true;
    }
    if (ok && current->providerAnswersSetting != answersSetting) {
        ok = rows.setProviderAnswersKeywords(accountId, id, answersSetting, actor);
        changed = true;
    }
    for (const qint64 borrower : std::as_const(lendTo)) {
        ok = ok && rows.assign(id, borrower, actor);
        changed = true;
    }
    if (!ok) {
        // Refused here (a number lent to other accounts cannot take replies again...): the
        // whole op is skipped, never half-applied.
        qCWarning(lcStore) << "team number op" << op.id << "skipped:" << rows.errorString();
        tx.rollback();
        return Outcome::NotApplicable;
    }
    if (!tx.release()) {
        m_error = tx.errorString();
        return std::nullopt;
    }
    return changed ? Outcome::Applied : Outcome::Unchanged;
}
