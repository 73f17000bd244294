// What committed write transactions changed: row ids per table and kind of change. The change
// feed hands one to the views per event-loop turn; it names rows, never their contents, so
// a view reads what it shows in one batched query.
#pragma once

#include <QList>
#include <QSet>

#include <array>

class ChangeSet
{
public:
    // The tables views follow. Rows of other tables (cursors, FTS, keyword runs...) are not
    // recorded.
    enum class Table
    {
        Accounts,
        SenderNumbers,
        Contacts,
        Threads,
        Messages,
        ConsentEvents,
        KeywordProcesses,
        ConfirmationRules,
        Templates,
        TemplateVersions,
        Campaigns,
        CampaignRecipients,
        AuditLog,
        Drafts,
        CannedReplies,
    };
    static constexpr int TableCount = int(Table::CannedReplies) + 1;

    enum class Op
    {
        Inserted,
        Updated,
        Deleted,
    };

    // Records one row change. A row inserted and then updated counts as inserted; a row
    // inserted and then deleted as deleted only.
    void add(Table table, Op op, qint64 rowId);
    // Adds everything `other` recorded, as if its changes came after this set's.
    void merge(const ChangeSet &other);

    bool isEmpty() const;
    bool touches(Table table) const;
    // Rows of the table changed in any way.
    QSet<qint64> rows(Table table) const;
    QSet<qint64> rows(Table table, Op op) const { return m_rows[index(table, op)]; }
    // Ids as a list (sorted), for a batched query.
    QList<qint64> rowList(Table table) const;
    static QList<qint64> sorted(const QSet<qint64> &ids);
    // How many row changes the set holds over all tables.
    qsizetype size() const;

    // The common questions.
    QSet<qint64> threads() const { return rows(Table::Threads); }
    QSet<qint64> messagesAdded() const { return rows(Table::Messages, Op::Inserted); }
    QSet<qint64> messagesUpdated() const { return rows(Table::Messages, Op::Updated); }

    // The table a name of the schema stands for; false for tables views do not follow.
    static bool tableFromName(const char *name, Table *table);

private:
    static constexpr int index(Table table, Op op) { return int(table) * 3 + int(op); }
    std::array<QSet<qint64>, TableCount * 3> m_rows;
};
