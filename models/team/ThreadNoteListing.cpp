#include "ThreadNoteListing.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

ThreadNoteListing::ThreadNoteListing(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<ThreadNoteListing::Note>> ThreadNoteListing::notes(qint64 threadId)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT author, body, mentions, created_at FROM thread_notes WHERE thread_id = ? "
              u"ORDER BY created_at, id"_s);
    q.addBindValue(threadId);
    if (!q.exec()) {
        m_error = u"cannot read the thread's notes: "_s + q.lastError().text();
        return std::nullopt;
    }
    QList<Note> list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                     q.value(3).toLongLong()});
    return list;
}
