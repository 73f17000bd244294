// Demo and test seeding only: the demo's provider (DemoProvider) knows which of its short
// codes are shared and their provider keywords, which Twilio's API never says. After the
// demo's first number sync this marks them the way an admin would on the Numbers screen, so
// that the demo shows a shared short code. Never part of the Twilio code path.
#pragma once

#include <QList>
#include <QString>

struct WriterContext;

class DemoNumberSeeding
{
public:
    struct SharedCode
    {
        QString number;
        QString providerKeyword;
    };

    // On the writer thread: marks each code the account has as a plain short code, unless an
    // admin has already decided about it (an audit entry says so). The number marked, or -1
    // with *error on a store error.
    static int markSharedShortCodes(WriterContext &context, qint64 accountId,
                                    const QList<SharedCode> &codes, QString *error);
};
