// The Contacts list's read: one account's contacts a page at a time, searched by name, number
// or tag and sorted by name, number or last message. Pages are keyset-paged (the next page
// starts after the last row's sort key, never at an OFFSET), so a page deep in 50,000 contacts
// costs what the first does and a contact added meanwhile neither repeats nor hides a row.
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>

class ContactListQuery
{
public:
    enum class Sort
    {
        Name,
        Number,
        LastMessage
    };

    struct Row
    {
        qint64 id = 0;
        QString number;
        QString name;
        QStringList tags;
        QString textEnabled;      // unknown, checking, yes, no
        qint64 lastMessageAt = 0; // ms since the epoch; 0 when no thread has a message
        // Filled by contact() only (the list does not show them).
        QVariantMap attributes;
        QString timeZone;
    };

    // Where a page ends: the last row's sort key. An empty cursor starts at the beginning.
    struct Cursor
    {
        QVariantList key;
        bool isNull() const { return key.isEmpty(); }
    };

    struct Request
    {
        qint64 accountId = 0;
        // Matched anywhere in the name, the number or a tag, case-insensitively for ASCII;
        // '%' and '_' are literal. Digits typed with spaces or dashes match a number.
        QString search;
        Sort sort = Sort::Name;
        // Name and number A→Z, last message newest first; descending reverses it.
        bool descending = false;
        Cursor after;
        int limit = 200;
    };

    struct Page
    {
        QList<Row> rows;
        Cursor next; // pass as `after` for the following page
        bool atEnd = false;
    };

    static constexpr int DefaultPageSize = 200;

    explicit ContactListQuery(QSqlDatabase db);

    // nullopt on a database error (errorString()).
    std::optional<Page> page(const Request &request);
    // One contact with its attributes and time zone, for the editor; nullopt when there is
    // none (errorString() empty) or on an error.
    std::optional<Row> contact(qint64 accountId, const QString &number);
    // How many contacts match request.accountId and request.search; -1 on an error.
    int count(const Request &request);

    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
