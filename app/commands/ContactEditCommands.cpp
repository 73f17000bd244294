#include "ContactEditCommands.h"

#include "ContactDeleteOpApplier.h"
#include "ContactLimits.h"
#include "ContactOpApplier.h"
#include "TeamShare.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

ContactEditCommands::ContactEditCommands(StoreWriter *writer, qint64 accountId,
                                         const QString &actor, QObject *parent)
    : AdminCommandBase(writer, accountId, actor, parent)
{}

QString ContactEditCommands::problem(const Fields &fields)
{
    // The limits every entry point shares (ContactLimits), plus what only an edit can get
    // wrong: an empty tag or field name, an unknown time zone.
    if (QString p = ContactLimits::checkName(fields.name); !p.isEmpty())
        return p;
    if (QString p = ContactLimits::checkTagCount(fields.tags.size()); !p.isEmpty())
        return p;
    for (const QString &tag : fields.tags) {
        if (tag.trimmed().isEmpty())
            return tr("A tag is empty");
        if (QString p = ContactLimits::checkTag(tag); !p.isEmpty())
            return p;
    }
    if (QString p = ContactLimits::checkAttributeCount(fields.attributes.size()); !p.isEmpty())
        return p;
    for (auto it = fields.attributes.begin(); it != fields.attributes.end(); ++it) {
        if (it.key().trimmed().isEmpty())
            return tr("A field has no name");
        if (QString p = ContactLimits::checkAttributeKey(it.key()); !p.isEmpty())
            return p;
        if (QString p = ContactLimits::checkAttributeValue(it.key(), it.value().toString());
            !p.isEmpty())
            return p;
    }
    if (QString p = ContactLimits::check(tr("the time zone"), fields.timeZone,
                                         ContactLimits::MaxTimeZoneChars);
        !p.isEmpty())
        return p;
    if (!fields.timeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(fields.timeZone.toUtf8()))
        return tr("\"%1\" is not a time zone this computer knows (use an IANA name such as "
                  "America/Chicago)")
            .arg(ContactLimits::shown(fields.timeZone));
    return {};
}

void ContactEditCommands::save(const QString &number, const Fields &fields, Done done)
{
    Fields clean = fields;
    clean.name = clean.name.trimmed();
    for (QString &tag : clean.tags)
        tag = tag.trimmed();
    clean.tags.removeDuplicates();
    if (const QString p = problem(clean); !p.isEmpty())
        return refuse(p, std::move(done));
    const qint64 account = accountId();
    const QString who = actor();
    run(
        u"contacts.edit"_s,
        [account, who, number, clean](WriterContext &context) {
            const QString by = actingAs(context, account, who);
            auto share = context.repo<TeamShare>();
            // Every field goes, so the edit is one contact.put that teammates apply whole.
            const bool ok = share.run(
                account, by,
                [&] { return context.repo<ContactEditRows>().save(account, number, clean, by); },
                [&](QString *error) -> std::optional<QList<TeamOp>> {
                    auto contacts = context.repo<ContactOpApplier>();
                    auto ops = contacts.describe(account, {number},
                                                 ContactOpApplier::Fields{true, true, true, true});
                    if (!ops)
                        *error = contacts.errorString();
                    return ops;
                });
            return ok ? CommandResult::success() : CommandResult::failure(share.errorString());
        },
        std::move(done));
}

void ContactEditCommands::remove(const QString &number, Done done)
{
    const qint64 account = accountId();
    const QString who = actor();
    run(
        u"contacts.delete"_s,
        [account, who, number](WriterContext &context) {
            const QString by = actingAs(context, account, who);
            auto share = context.repo<TeamShare>();
            const bool ok = share.run(
                account, by,
                [&] { return context.repo<ContactEditRows>().remove(account, number, by); },
                [&](QString *) -> std::optional<QList<TeamOp>> {
                    return ContactDeleteOpApplier::ops({number});
                });
            return ok ? CommandResult::success() : CommandResult::failure(share.errorString());
        },
        std::move(done));
}
