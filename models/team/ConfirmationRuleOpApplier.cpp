#include "ConfirmationRuleOpApplier.h"

#include "ConfirmationRuleRows.h"
#include "TeamOutboxRows.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

namespace {
const QString Put = u"rule.put"_s;
const QString Field = u"rule"_s;
} // namespace

bool ConfirmationRuleOpApplier::handles(const QString &kind)
{
    return kind == Put;
}

TeamOp ConfirmationRuleOpApplier::putOp(const QString &countryCode, const QString &rule)
{
    TeamOp op;
    op.kind = Put;
    op.target = countryCode.trimmed().toUpper();
    op.fields = {{u"field"_s, Field}, {u"rule"_s, rule}};
    return op;
}

ConfirmationRuleOpApplier::ConfirmationRuleOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> ConfirmationRuleOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                        TeamOpApplier::Origin origin)
{
    m_error.clear();
    static const QRegularExpression country(u"^[A-Z]{2}$"_s);
    const auto rule = ConfirmationRule::ruleFromString(op.fields.value(u"rule"_s).toString());
    if (!rule || !country.match(op.target).hasMatch())
        return Outcome::NotApplicable;
    TeamOutboxRows outbox(m_db);
    if (origin == TeamOpApplier::Origin::Log && !outbox.contains(op.id) &&
        outbox.hasPendingField(accountId, op.target, Field))
        return Outcome::Overridden; // ours comes later in the log and wins when it comes back
    ConfirmationRuleRows rows(m_db);
    const auto current = rows.load(accountId);
    if (!current) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    if (current->ruleFor(op.target) == *rule)
        return Outcome::Unchanged;
    QString actor = op.fields.value(u"by"_s).toString(op.agent);
    if (actor.trimmed().isEmpty())
        actor = u"team"_s;
    if (!rows.set(accountId, op.target, *rule, actor)) {
        m_error = rows.errorString();
        return std::nullopt;
    }
    return Outcome::Applied;
}
