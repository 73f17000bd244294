// Warns when nobody answers STOP on a number: the provider does not (short codes by default, a
// shared short code never) and the number has no started Unsubscribe process, so opt-outs
// would go unrecorded and the customer would keep getting texts.
#pragma once

#include "KeywordProcessRows.h"
#include "SenderNumberRows.h"

#include <QLabel>

class KeywordStopWarning : public QLabel
{
    Q_OBJECT

public:
    explicit KeywordStopWarning(QWidget *parent = nullptr);

    // Shows the warning for `number` with its processes, or hides it.
    void showFor(const SenderNumberRows::Row &number,
                 const QList<KeywordProcessRows::Row> &processes);
    // The warning for `number`, empty when STOP is handled.
    static QString text(const SenderNumberRows::Row &number,
                        const QList<KeywordProcessRows::Row> &processes);
};
