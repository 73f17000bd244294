#include "DemoNumberSeeding.h"

#include "SenderNumberRows.h"
#include "WriterContext.h"

using namespace Qt::StringLiterals;

int DemoNumberSeeding::markSharedShortCodes(WriterContext &context, qint64 accountId,
                                            const QList<SharedCode> &codes, QString *error)
{
    auto rows = context.repo<SenderNumberRows>();
    int marked = 0;
    for (const SharedCode &code : codes) {
        const std::optional<qint64> id = rows.undecidedShortCode(accountId, code.number);
        if (!id) {
            *error = rows.errorString();
            return -1;
        }
        if (*id == 0)
            continue;
        if (!rows.setSharedShortCode(accountId, *id, code.providerKeyword, u"demo"_s)) {
            *error = rows.errorString();
            return -1;
        }
        ++marked;
    }
    return marked;
}
