#include "DemoNumberSeeding.h"

#include "SenderNumberRows.h"
#include "WriterContext.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

int DemoNumberSeeding::markSharedShortCodes(WriterContext &context, qint64 accountId,
                                            const QList<SharedCode> &codes, QString *error)
{
    QSqlDatabase db = context.db();
    int marked = 0;
    for (const SharedCode &code : codes) {
        QSqlQuery query(db);
        query.prepare(u"SELECT s.id FROM sender_numbers s WHERE s.account_id = ? AND "
                      u"s.number = ? AND s.kind = 'short_code' AND NOT EXISTS (SELECT 1 FROM "
                      u"audit_log a WHERE a.subject_type = 'sender_number' AND "
                      u"a.subject_id = s.id AND a.action = 'sender_number.shared_short_code')"_s);
        query.addBindValue(accountId);
        query.addBindValue(code.number);
        if (!query.exec()) {
            *error = u"cannot read sender numbers: "_s + query.lastError().text();
            return -1;
        }
        if (!query.next())
            continue;
        const qint64 id = query.value(0).toLongLong();
        query.finish();
        SenderNumberRows rows(db);
        if (!rows.setSharedShortCode(accountId, id, code.providerKeyword, u"demo"_s)) {
            *error = rows.errorString();
            return -1;
        }
        ++marked;
    }
    return marked;
}
