// The status bar's count of keywords the desktop (or the team's service) did not answer
// because their reply would have left later than the reply window: "2 keywords not answered
// (too old)". Each such thread shows a note from SMS Desk saying which keyword and how old;
// this makes sure nobody has to find them by chance. Hidden while there are none. Follows the
// change feed (the notes' table).
#pragma once

#include <QLabel>

class ChangeFeed;
class ChangeSet;
class StoreReader;

class UnansweredKeywordsIndicator : public QLabel
{
    Q_OBJECT

public:
    // Neither is owned; both outlive the indicator.
    UnansweredKeywordsIndicator(const StoreReader &reader, ChangeFeed *feed,
                                QWidget *parent = nullptr);

    void setAccount(qint64 accountId);
    // "2 keywords not answered (too old)"; '' for none.
    static QString describe(qint64 count);

private:
    void onChanges(const ChangeSet &changes);
    void refresh();

    const StoreReader &m_reader;
    qint64 m_accountId = 0;
};
