#include "ChangeSet.h"

#include <algorithm>
#include <cstring>

void ChangeSet::add(Table table, Op op, qint64 rowId)
{
    QSet<qint64> &inserted = m_rows[index(table, Op::Inserted)];
    switch (op) {
    case Op::Inserted:
        m_rows[index(table, Op::Deleted)].remove(rowId); // a rowid reused after a delete
        inserted.insert(rowId);
        break;
    case Op::Updated:
        if (!inserted.contains(rowId))
            m_rows[index(table, Op::Updated)].insert(rowId);
        break;
    case Op::Deleted:
        inserted.remove(rowId);
        m_rows[index(table, Op::Updated)].remove(rowId);
        m_rows[index(table, Op::Deleted)].insert(rowId);
        break;
    }
}

void ChangeSet::merge(const ChangeSet &other)
{
    constexpr Op ops[] = {Op::Inserted, Op::Updated, Op::Deleted};
    for (int t = 0; t < TableCount; ++t) {
        for (const Op op : ops) {
            for (const qint64 id : other.m_rows[index(Table(t), op)])
                add(Table(t), op, id);
        }
    }
}

bool ChangeSet::isEmpty() const
{
    return std::all_of(m_rows.begin(), m_rows.end(),
                       [](const QSet<qint64> &s) { return s.isEmpty(); });
}

bool ChangeSet::touches(Table table) const
{
    return !m_rows[index(table, Op::Inserted)].isEmpty() ||
           !m_rows[index(table, Op::Updated)].isEmpty() ||
           !m_rows[index(table, Op::Deleted)].isEmpty();
}

QSet<qint64> ChangeSet::rows(Table table) const
{
    QSet<qint64> all = m_rows[index(table, Op::Inserted)];
    all.unite(m_rows[index(table, Op::Updated)]);
    all.unite(m_rows[index(table, Op::Deleted)]);
    return all;
}

QList<qint64> ChangeSet::rowList(Table table) const
{
    return sorted(rows(table));
}

QList<qint64> ChangeSet::sorted(const QSet<qint64> &ids)
{
    QList<qint64> list(ids.begin(), ids.end());
    std::sort(list.begin(), list.end());
    return list;
}

qsizetype ChangeSet::size() const
{
    qsizetype n = 0;
    for (const QSet<qint64> &s : m_rows)
        n += s.size();
    return n;
}

bool ChangeSet::tableFromName(const char *name, Table *table)
{
    struct Entry
    {
        const char *name;
        Table table;
    };
    // The schema's names (resources/migrations); tst_changefeed checks each exists.
    static constexpr Entry entries[] = {
        {"accounts", Table::Accounts},
        {"sender_numbers", Table::SenderNumbers},
        {"contacts", Table::Contacts},
        {"threads", Table::Threads},
        {"messages", Table::Messages},
        {"consent_events", Table::ConsentEvents},
        {"keyword_processes", Table::KeywordProcesses},
        {"confirmation_rules", Table::ConfirmationRules},
        {"templates", Table::Templates},
        {"template_versions", Table::TemplateVersions},
        {"campaigns", Table::Campaigns},
        {"campaign_recipients", Table::CampaignRecipients},
        {"audit_log", Table::AuditLog},
        {"drafts", Table::Drafts},
        {"canned_replies", Table::CannedReplies},
    };
    for (const Entry &entry : entries) {
        if (std::strcmp(entry.name, name) == 0) {
            *table = entry.table;
            return true;
        }
    }
    return false;
}
