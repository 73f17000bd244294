#include "ThreadNoteRows.h"

#include "StoreLogging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

ThreadNoteRows::Note noteAt(const QSqlQuery &q)
{
    ThreadNoteRows::Note n;
    n.id = q.value(0).toLongLong();
    n.threadId = q.value(1).toLongLong();
    n.author = q.value(2).toString();
    n.body = q.value(3).toString();
    n.mentions = q.value(4).toString().split(u',', Qt::SkipEmptyParts);
    for (QString &name : n.mentions)
        name = name.trimmed();
    n.createdAt = q.value(5).toLongLong();
    return n;
}

} // namespace

ThreadNoteRows::ThreadNoteRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

bool ThreadNoteRows::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore) << m_error;
    return false;
}

std::optional<QList<ThreadNoteRows::Note>> ThreadNoteRows::forThread(qint64 threadId)
{
    QSqlQuery q(m_db);
    q.prepare(u"SELECT id, thread_id, author, body, mentions, created_at FROM thread_notes "
              u"WHERE thread_id = ? ORDER BY created_at, id"_s);
    q.addBindValue(threadId);
    if (!q.exec()) {
        fail(u"cannot read the thread's notes: "_s + q.lastError().text());
        return std::nullopt;
    }
    QList<Note> notes;
    while (q.next())
        notes.append(noteAt(q));
    return notes;
}

qint64 ThreadNoteRows::lastId()
{
    QSqlQuery q(m_db);
    return q.exec(u"SELECT COALESCE(max(id), 0) FROM thread_notes"_s) && q.next()
               ? q.value(0).toLongLong()
               : 0;
}

std::optional<QList<ThreadNoteRows::Note>>
ThreadNoteRows::mentioning(qint64 accountId, const QString &name, qint64 afterId)
{
    QSqlQuery q(m_db);
    // The LIKE narrows; the exact name is checked on the split list below.
    q.prepare(u"SELECT n.id, n.thread_id, n.author, n.body, n.mentions, n.created_at "
              u"FROM thread_notes n JOIN threads t ON t.id = n.thread_id "
              u"WHERE t.account_id = ? AND n.id > ? AND n.author IS NOT ? "
              u"AND instr(n.mentions, ?) > 0 ORDER BY n.id"_s);
    q.addBindValue(accountId);
    q.addBindValue(afterId);
    q.addBindValue(name);
    q.addBindValue(name);
    if (!q.exec()) {
        fail(u"cannot read the notes that mention an agent: "_s + q.lastError().text());
        return std::nullopt;
    }
    QList<Note> notes;
    while (q.next()) {
        Note note = noteAt(q);
        if (note.mentions.contains(name))
            notes.append(note);
    }
    return notes;
}

QStringList ThreadNoteRows::mentionsIn(const QString &body, const QStringList &names)
{
    QStringList byLength = names;
    std::sort(byLength.begin(), byLength.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList found;
    for (qsizetype at = body.indexOf(u'@'); at >= 0; at = body.indexOf(u'@', at + 1)) {
        for (const QString &name : std::as_const(byLength)) {
            if (name.isEmpty() || body.mid(at + 1, name.size()).compare(name, Qt::CaseInsensitive))
                continue;
            // "@Ana" in "@Anabel" is no mention of Ana.
            const qsizetype end = at + 1 + name.size();
            if (end < body.size() && (body.at(end).isLetterOrNumber() || body.at(end) == u'_'))
                continue;
            if (!found.contains(name))
                found.append(name);
            break;
        }
    }
    return found;
}
