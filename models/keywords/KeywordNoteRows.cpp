#include "KeywordNoteRows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

KeywordNoteRows::KeywordNoteRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

std::optional<QList<KeywordNoteRows::Note>> KeywordNoteRows::forThread(qint64 accountId,
                                                                       qint64 threadId)
{
    m_error.clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT message_id, process_type, keyword, note, reply_message_id, "
                  u"processed_at FROM keyword_runs WHERE thread_id = ? AND account_id = ? "
                  u"AND note <> '' ORDER BY message_id"_s);
    query.addBindValue(threadId);
    query.addBindValue(accountId);
    if (!query.exec()) {
        m_error = u"cannot read keyword notes: "_s + query.lastError().text();
        return std::nullopt;
    }
    QList<Note> notes;
    while (query.next()) {
        notes.append({query.value(0).toLongLong(), query.value(1).toString(),
                      query.value(2).toString(), query.value(3).toString(),
                      query.value(4).toLongLong(), query.value(5).toLongLong()});
    }
    return notes;
}
