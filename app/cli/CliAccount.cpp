#include "CliAccount.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

QString describe(const QList<AccountRows::Row> &accounts)
{
    QStringList names;
    for (const AccountRows::Row &account : accounts) {
        names.append(u"%1 (id %2%3)"_s.arg(
            account.name, QString::number(account.id),
            account.providerSid.isEmpty() ? QString() : u", "_s + account.providerSid));
    }
    return names.join(u", "_s);
}

} // namespace

QString CliAccount::optionDescription()
{
    return u"The account: its id, Account SID (AC...) or name. Required when the profile "
           u"has several accounts."_s;
}

std::optional<AccountRows::Row> CliAccount::resolve(AccountRows rows, const QString &value,
                                                    QString *error)
{
    const QList<AccountRows::Row> accounts = rows.list();
    if (!rows.errorString().isEmpty()) {
        *error = rows.errorString();
        return std::nullopt;
    }
    if (accounts.isEmpty()) {
        *error = u"the profile has no account"_s;
        return std::nullopt;
    }
    const QString wanted = value.trimmed();
    if (wanted.isEmpty()) {
        if (accounts.size() == 1)
            return accounts.first();
        *error = u"--account is required: the profile has %1 accounts: %2"_s.arg(
            QString::number(accounts.size()), describe(accounts));
        return std::nullopt;
    }
    QList<AccountRows::Row> found;
    for (const AccountRows::Row &account : accounts) {
        if (QString::number(account.id) == wanted || account.name == wanted ||
            (!account.providerSid.isEmpty() && account.providerSid == wanted))
            found.append(account);
    }
    if (found.size() == 1)
        return found.first();
    *error = found.isEmpty()
                 ? u"no account '%1' in the profile; it has: %2"_s.arg(wanted, describe(accounts))
                 : u"'%1' names several accounts (%2): give the id"_s.arg(wanted, describe(found));
    return std::nullopt;
}
