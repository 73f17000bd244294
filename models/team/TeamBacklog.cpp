#include "TeamBacklog.h"

#include "CannedReplyOpApplier.h"
#include "CannedReplyRows.h"
#include "ConfirmationRuleOpApplier.h"
#include "ConfirmationRuleRows.h"
#include "ContactOpApplier.h"
#include "KeywordOpApplier.h"
#include "KeywordProcessRows.h"
#include "StoreLogging.h"
#include "TeamPermissions.h"
#include "TeamShare.h"
#include "TemplateOpApplier.h"
#include "TemplateRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

TeamBacklog::TeamBacklog(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<TeamOp>> TeamBacklog::fail(const QString &message)
{
    m_error = message;
    return std::nullopt;
}

std::optional<QList<TeamOp>> TeamBacklog::describe(qint64 accountId, const QString &role,
                                                   Counts *counts)
{
    m_error.clear();
    Counts n;
    QList<TeamOp> ops;

    // Only what the role may change: an agent's own templates stay on their desktop.
    using Area = TeamPermissions::Area;
    const bool templatesToo = TeamPermissions::allows(role, Area::Templates);
    TemplateRows templates(m_db);
    TemplateOpApplier templateOps(m_db);
    for (const TemplateRows::Summary &t :
         templatesToo ? templates.list(accountId) : QList<TemplateRows::Summary>()) {
        const auto put = templateOps.putOp(accountId, t.id);
        if (!put)
            return fail(templateOps.errorString());
        ops.append(*put);
        for (const TemplateRows::Version &v : templates.versions(accountId, t.id)) {
            const auto version = templateOps.versionOp(accountId, v.id);
            if (!version)
                return fail(templateOps.errorString());
            ops.append(*version);
        }
        ++n.templates;
    }

    auto processes = KeywordProcessRows(m_db).list(accountId);
    if (!processes)
        return fail(u"cannot read the keyword processes"_s);
    if (!TeamPermissions::allows(role, Area::Keywords))
        processes->clear();
    KeywordOpApplier keywordOps(m_db);
    for (const KeywordProcessRows::Row &row : std::as_const(*processes)) {
        const auto put = keywordOps.putOp(accountId, row.process.id);
        const auto state = keywordOps.stateOp(accountId, row.process.id);
        if (!put || !state)
            return fail(keywordOps.errorString());
        ops << *put << *state;
        ++n.keywordProcesses;
    }

    const auto replies = CannedReplyRows(m_db).replies(accountId);
    if (!replies)
        return fail(u"cannot read the canned replies"_s);
    CannedReplyOpApplier cannedOps(m_db);
    for (const CannedReplyRows::Reply &reply : *replies) {
        const auto put = cannedOps.putOp(accountId, reply.id);
        if (!put)
            return fail(cannedOps.errorString());
        ops.append(*put);
        ++n.cannedReplies;
    }

    const auto rules = ConfirmationRuleRows(m_db).load(accountId);
    if (!rules)
        return fail(u"cannot read the confirmation rules"_s);
    QStringList countries = TeamPermissions::allows(role, Area::ConfirmationRules)
                                ? rules->overrides().keys()
                                : QStringList();
    std::sort(countries.begin(), countries.end());
    for (const QString &country : std::as_const(countries)) {
        ops.append(ConfirmationRuleOpApplier::putOp(
            country, ConfirmationRule::ruleToString(rules->overrides().value(country))));
        ++n.rules;
    }

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT number FROM contacts WHERE account_id = ? ORDER BY id"_s);
    q.addBindValue(accountId);
    if (!q.exec())
        return fail(u"cannot read contacts: "_s + q.lastError().text());
    QStringList numbers;
    while (q.next() && TeamPermissions::allows(role, Area::Contacts))
        numbers.append(q.value(0).toString());
    q.finish();
    ContactOpApplier contactOps(m_db);
    const auto contacts =
        contactOps.describe(accountId, numbers, ContactOpApplier::Fields{true, true, true, true});
    if (!contacts)
        return fail(contactOps.errorString());
    ops += *contacts;
    n.contacts = int(numbers.size());

    if (counts)
        *counts = n;
    return ops;
}

QString TeamBacklog::summary(const Counts &counts)
{
    QStringList parts;
    const auto add = [&parts](int count, const QString &one, const QString &many) {
        if (count > 0)
            parts << (count == 1 ? one : many.arg(count));
    };
    add(counts.templates, u"1 template"_s, u"%1 templates"_s);
    add(counts.keywordProcesses, u"1 keyword process"_s, u"%1 keyword processes"_s);
    add(counts.cannedReplies, u"1 canned reply"_s, u"%1 canned replies"_s);
    add(counts.rules, u"1 confirmation rule"_s, u"%1 confirmation rules"_s);
    add(counts.contacts, u"1 contact"_s, u"%1 contacts"_s);
    if (parts.isEmpty())
        return {};
    return u"Shared with the team: %1 made before joining."_s.arg(parts.join(u", "_s));
}

std::optional<TeamBacklog::Counts> TeamBacklog::share(qint64 accountId, const QString &actor,
                                                      const QString &role)
{
    Counts counts;
    TeamShare share(m_db);
    const bool ok = share.run(
        accountId, actor, [] { return QString(); },
        [&](QString *error) -> std::optional<QList<TeamOp>> {
            auto ops = describe(accountId, role, &counts);
            if (!ops)
                *error = m_error;
            return ops;
        });
    if (!ok) {
        m_error = share.errorString();
        return std::nullopt;
    }
    qCInfo(lcStore) << summary(counts);
    return counts;
}
