#include "ContactDeleteOpApplier.h"

#include "StoreLogging.h"
#include "TeamOpPacker.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;
using Outcome = TeamOpApplier::Outcome;

const QString &ContactDeleteOpApplier::kind()
{
    static const QString remove = u"contact.delete"_s;
    return remove;
}

bool ContactDeleteOpApplier::handles(const QString &kind)
{
    return kind == ContactDeleteOpApplier::kind();
}

QList<TeamOp> ContactDeleteOpApplier::ops(const QStringList &numbers)
{
    if (numbers.isEmpty())
        return {};
    return TeamOpPacker::packArray(kind(), numbers.first(), u"numbers"_s,
                                   QJsonArray::fromStringList(numbers));
}

ContactDeleteOpApplier::ContactDeleteOpApplier(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<Outcome> ContactDeleteOpApplier::apply(qint64 accountId, const TeamOp &op,
                                                     TeamOpApplier::Origin)
{
    m_error.clear();
    const QJsonArray numbers = op.fields.value(u"numbers"_s).toArray();
    QStringList valid;
    for (const QJsonValue &number : numbers) {
        if (number.isString() && !number.toString().isEmpty())
            valid << number.toString();
    }
    if (valid.isEmpty())
        return Outcome::NotApplicable;
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM contacts WHERE account_id = ? AND number = ?"_s);
    int removed = 0;
    for (const QString &number : std::as_const(valid)) {
        q.bindValue(0, accountId);
        q.bindValue(1, number);
        if (!q.exec()) {
            m_error = u"cannot delete a contact: "_s + q.lastError().text();
            qCWarning(lcStore) << m_error;
            return std::nullopt;
        }
        removed += q.numRowsAffected() > 0 ? 1 : 0;
    }
    return removed > 0 ? Outcome::Applied : Outcome::Unchanged;
}
