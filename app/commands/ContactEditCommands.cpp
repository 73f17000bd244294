#include "ContactEditCommands.h"

#include "ContactDeleteOpApplier.h"
#include "ContactOpApplier.h"
#include "TeamShare.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace {

// The same limits as the import's (issue 16's ContactLimits): counted in UTF-16 units.
constexpr int MaxNameChars = 256;
constexpr int MaxTagChars = 64;
constexpr int MaxTags = 50;
constexpr int MaxAttributeKeyChars = 64;
constexpr int MaxAttributeValueChars = 1024;
constexpr int MaxAttributes = 100;

bool hasControl(const QString &text, bool multiLine)
{
    for (const QChar c : text) {
        if (c.category() != QChar::Other_Control)
            continue;
        if (multiLine && (c == u'\t' || c == u'\n' || c == u'\r'))
            continue;
        return true;
    }
    return false;
}

QString check(const QString &what, const QString &value, int maxChars, bool multiLine = false)
{
    if (hasControl(value, multiLine))
        return ContactEditCommands::tr("%1 contains a control character").arg(what);
    if (value.size() > maxChars)
        return ContactEditCommands::tr("%1 is %2 characters long; at most %3 are allowed")
            .arg(what)
            .arg(value.size())
            .arg(maxChars);
    return {};
}

} // namespace

ContactEditCommands::ContactEditCommands(StoreWriter *writer, qint64 accountId,
                                         const QString &actor, QObject *parent)
    : AdminCommandBase(writer, accountId, actor, parent)
{}

QString ContactEditCommands::problem(const Fields &fields)
{
    if (QString p = check(tr("The name"), fields.name, MaxNameChars); !p.isEmpty())
        return p;
    if (fields.tags.size() > MaxTags)
        return tr("%1 tags; at most %2 are allowed").arg(fields.tags.size()).arg(MaxTags);
    for (const QString &tag : fields.tags) {
        if (tag.trimmed().isEmpty())
            return tr("A tag is empty");
        if (QString p = check(tr("Tag \"%1\"").arg(tag.left(40)), tag, MaxTagChars); !p.isEmpty())
            return p;
    }
    if (fields.attributes.size() > MaxAttributes)
        return tr("%1 attributes; at most %2 are allowed")
            .arg(fields.attributes.size())
            .arg(MaxAttributes);
    for (auto it = fields.attributes.begin(); it != fields.attributes.end(); ++it) {
        if (it.key().trimmed().isEmpty())
            return tr("An attribute has no name");
        if (QString p = check(tr("Attribute name \"%1\"").arg(it.key().left(40)), it.key(),
                              MaxAttributeKeyChars);
            !p.isEmpty())
            return p;
        if (QString p = check(tr("The value of \"%1\"").arg(it.key().left(40)),
                              it.value().toString(), MaxAttributeValueChars, true);
            !p.isEmpty())
            return p;
    }
    if (!fields.timeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(fields.timeZone.toUtf8()))
        return tr("\"%1\" is not a time zone this computer knows (use an IANA name such as "
                  "America/Chicago)")
            .arg(fields.timeZone.left(40));
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
