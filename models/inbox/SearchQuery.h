// Full-text search over an account's messages (FTS5) and its customers' names and numbers.
#pragma once

#include "SearchHit.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

class SearchQuery
{
public:
    // db: a reader connection of the caller's thread.
    explicit SearchQuery(QSqlDatabase db);

    // The user's words as an FTS5 query that can only mean "all these words": every term is
    // a quoted string (quotes doubled), the last one prefix-matched; FTS operators, column
    // filters and parentheses in the text are plain characters. '' when no term remains.
    static QString ftsQuery(const QString &userText);
    // The digits of the text when it looks like (part of) a phone number, else ''.
    static QString numberDigits(const QString &userText);
    // FTS5 snippet() marks each match between these two characters (control characters that
    // no SMS body holds); markedSnippet() takes them out again.
    static constexpr char16_t MatchStart = u'\u0002';
    static constexpr char16_t MatchEnd = u'\u0003';
    // The text without the marks, and where the marked stretches are in it.
    static QString unmarkSnippet(const QString &marked, QList<std::pair<int, int>> *matches);

    // Newest first; only the account's threaded messages. On a database error: {} and
    // errorString() says why.
    QList<SearchHit> messages(qint64 accountId, const QString &userText, int limit);
    // The account's threads whose customer's name or number matches, newest first.
    QList<SearchHit> contacts(qint64 accountId, const QString &userText, int limit);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
