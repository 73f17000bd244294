#include "SearchQuery.h"

#include "PhoneNumber.h"
#include "StoreLogging.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

QString display(const QString &number)
{
    const PhoneNumber parsed = PhoneNumber::parse(number, QString()).number;
    return parsed.isValid() && !parsed.isShortCode() ? parsed.formatInternational() : number;
}

bool hasWordCharacter(const QString &term)
{
    for (const QChar c : term) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// LIKE pattern text with its wildcards taken literally (ESCAPE '\').
QString likeLiteral(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace

SearchQuery::SearchQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString SearchQuery::ftsQuery(const QString &userText)
{
    static const QRegularExpression Space(u"\\s+"_s);
    QStringList terms;
    for (const QString &term : userText.split(Space, Qt::SkipEmptyParts)) {
        // A term of punctuation only would be an empty phrase once tokenised.
        if (hasWordCharacter(term))
            terms.append(u'"' + QString(term).replace(u'"', u"\"\""_s) + u'"');
    }
    if (terms.isEmpty())
        return {};
    // Prefix-match only when the user's text ends inside the last word (still typing it).
    if (!userText.isEmpty() && !userText.back().isSpace())
        terms.last() += u'*';
    return terms.join(u' ');
}

QString SearchQuery::numberDigits(const QString &userText)
{
    QString digits;
    for (const QChar c : userText) {
        if (c.isDigit())
            digits += c;
        else if (!(c == u'+' || c == u'-' || c == u'(' || c == u')' || c == u'.' || c.isSpace()))
            return {}; // letters: a name or a word, not a number
    }
    return digits.size() >= 3 ? digits : QString();
}

QList<SearchHit> SearchQuery::messages(qint64 accountId, const QString &userText, int limit)
{
    m_error.clear();
    const QString match = ftsQuery(userText);
    if (match.isEmpty())
        return {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // FTS5 walks its rowids newest first (ids grow with arrival), so LIMIT stops the scan
    // early instead of ranking every match of a common word.
    q.prepare(u"SELECT m.id, m.thread_id, m.created_at, m.customer_number, "
              u"COALESCE(c.name, ''), s.label, m.direction, "
              u"snippet(messages_fts, 0, '', '', '\u2026', 12) "
              u"FROM messages_fts f JOIN messages m ON m.id = f.rowid "
              u"JOIN threads t ON t.id = m.thread_id "
              u"JOIN sender_numbers s ON s.id = t.sender_number_id "
              u"LEFT JOIN contacts c ON c.account_id = m.account_id "
              u"AND c.number = m.customer_number "
              u"WHERE messages_fts MATCH :match AND m.account_id = :account "
              u"ORDER BY f.rowid DESC LIMIT :limit"_s);
    q.bindValue(u":match"_s, match);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":limit"_s, limit);
    if (!q.exec()) {
        m_error = u"Cannot search messages: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit h;
        h.kind = SearchHit::Kind::Message;
        h.messageId = q.value(0).toLongLong();
        h.threadId = q.value(1).toLongLong();
        h.createdAt = q.value(2).toLongLong();
        h.customerNumber = q.value(3).toString();
        h.customerDisplay = display(h.customerNumber);
        h.customerName = q.value(4).toString();
        h.senderLabel = q.value(5).toString();
        h.inbound = q.value(6).toString() == u"in";
        h.snippet = q.value(7).toString().simplified();
        hits.append(h);
    }
    return hits;
}

QList<SearchHit> SearchQuery::contacts(qint64 accountId, const QString &userText, int limit)
{
    m_error.clear();
    const QString name = userText.simplified();
    if (name.isEmpty())
        return {};
    const QString digits = numberDigits(userText);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT t.id, t.last_message_at, t.customer_number, COALESCE(c.name, ''), "
              u"s.label, t.last_message_preview "
              u"FROM threads t JOIN sender_numbers s ON s.id = t.sender_number_id "
              u"LEFT JOIN contacts c ON c.account_id = t.account_id "
              u"AND c.number = t.customer_number "
              u"WHERE t.account_id = :account AND t.last_message_at IS NOT NULL AND "
              u"(c.name LIKE :name ESCAPE '\\' OR (:digits <> '' AND "
              u"t.customer_number LIKE :number ESCAPE '\\')) "
              u"ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit"_s);
    q.bindValue(u":account"_s, accountId);
    q.bindValue(u":name"_s, QString(u'%' + likeLiteral(name) + u'%'));
    q.bindValue(u":digits"_s, digits);
    q.bindValue(u":number"_s, QString(u'%' + digits + u'%'));
    q.bindValue(u":limit"_s, limit);
    if (!q.exec()) {
        m_error = u"Cannot search contacts: "_s + q.lastError().text();
        qCWarning(lcModels) << m_error;
        return {};
    }
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit h;
        h.kind = SearchHit::Kind::Contact;
        h.threadId = q.value(0).toLongLong();
        h.createdAt = q.value(1).toLongLong();
        h.customerNumber = q.value(2).toString();
        h.customerDisplay = display(h.customerNumber);
        h.customerName = q.value(3).toString();
        h.senderLabel = q.value(4).toString();
        h.snippet = q.value(5).toString();
        hits.append(h);
    }
    return hits;
}
