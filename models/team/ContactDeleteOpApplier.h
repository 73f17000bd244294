// contact.delete in the team log: contacts removed by a person, as numbers under
// fields.numbers ({"numbers": ["+14155550101"]}). Applying removes the contact row only:
// threads, messages and consent events stay, as on the desktop that deleted it. Order in the
// log decides against contact.put: a put after the delete brings the contact back, a delete
// after a put removes it; applying twice changes nothing.
#pragma once

#include "TeamOp.h"
#include "TeamOpApplier.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

class ContactDeleteOpApplier
{
public:
    static bool handles(const QString &kind);
    static const QString &kind();
    // The ops removing `numbers` (ids, agent and desk are TeamShare's to fill in).
    static QList<TeamOp> ops(const QStringList &numbers);

    explicit ContactDeleteOpApplier(QSqlDatabase db);

    std::optional<TeamOpApplier::Outcome> apply(qint64 accountId, const TeamOp &op,
                                                TeamOpApplier::Origin origin);
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
