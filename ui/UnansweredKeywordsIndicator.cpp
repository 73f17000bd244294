#include "UnansweredKeywordsIndicator.h"

#include "ChangeFeed.h"
#include "ChangeSet.h"
#include "StoreReader.h"
#include "UnansweredKeywords.h"

UnansweredKeywordsIndicator::UnansweredKeywordsIndicator(const StoreReader &reader,
                                                         ChangeFeed *feed, QWidget *parent)
    : QLabel(parent)
    , m_reader(reader)
{
    setObjectName(QStringLiteral("unansweredKeywords"));
    setToolTip(tr("Keyword replies that could not go out within the reply window were not sent "
                  "late: each thread shows a note from SMS Desk. Answer them by hand."));
    connect(feed, &ChangeFeed::changed, this, &UnansweredKeywordsIndicator::onChanges);
    hide();
}

QString UnansweredKeywordsIndicator::describe(qint64 count)
{
    if (count <= 0)
        return {};
    return count == 1 ? tr("1 keyword not answered (too old)")
                      : tr("%1 keywords not answered (too old)").arg(count);
}

void UnansweredKeywordsIndicator::setAccount(qint64 accountId)
{
    m_accountId = accountId;
    refresh();
}

void UnansweredKeywordsIndicator::onChanges(const ChangeSet &changes)
{
    if (changes.touches(ChangeSet::Table::ThreadNotes))
        refresh();
}

void UnansweredKeywordsIndicator::refresh()
{
    const qint64 count =
        m_accountId > 0 ? m_reader.make<UnansweredKeywords>().count(m_accountId).value_or(0) : 0;
    setText(describe(count));
    setVisible(count > 0);
}
