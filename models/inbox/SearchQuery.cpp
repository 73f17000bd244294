#include "SearchQuery.h"

#include "PhoneNumber.h"
#include "StoreLogging.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

bool hasWordCharacter(const QString &term)
{
    for (const QChar c : term) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
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
    // Prefix-match only when the user's text ends inside the last word (still typing it), and
    // that word has two characters: a one-letter prefix would merge the doclists of a large
    // part of the vocabulary (bench_search: ~340 ms on 1,000,000 messages).
    if (!userText.isEmpty() && !userText.back().isSpace() && terms.last().size() >= 4)
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

QString SearchQuery::unmarkSnippet(const QString &marked, QList<std::pair<int, int>> *matches)
{
    QString plain;
    plain.reserve(marked.size());
    int start = -1;
    for (const QChar c : marked) {
        if (c == MatchStart) {
            start = int(plain.size());
        } else if (c == MatchEnd) {
            if (start >= 0 && plain.size() > start && matches)
                matches->append({start, int(plain.size()) - start});
            start = -1;
        } else {
            plain += c;
        }
    }
    return plain;
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
              u"snippet(messages_fts, 0, :start, :end, '\u2026', 12), s.number "
              u"FROM messages_fts f JOIN messages m ON m.id = f.rowid "
              u"JOIN threads t ON t.id = m.thread_id "
              u"JOIN sender_numbers s ON s.id = t.sender_number_id "
              u"LEFT JOIN contacts c ON c.account_id = m.account_id "
              u"AND c.number = m.customer_number "
              u"WHERE messages_fts MATCH :match AND m.account_id = :account "
              u"ORDER BY f.rowid DESC LIMIT :limit"_s);
    q.bindValue(u":start"_s, QString(QChar(MatchStart)));
    q.bindValue(u":end"_s, QString(QChar(MatchEnd)));
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
        h.customerDisplay = PhoneNumber::displayForm(h.customerNumber);
        h.customerName = q.value(4).toString();
        h.senderLabel = q.value(5).toString();
        h.inbound = q.value(6).toString() == u"in";
        h.snippet = unmarkSnippet(q.value(7).toString().simplified(), &h.matches);
        h.senderNumber = q.value(8).toString();
        h.senderDisplay = PhoneNumber::displayForm(h.senderNumber);
        hits.append(h);
    }
    return hits;
}

QList<SearchHit> SearchQuery::contacts(qint64 accountId, const QString &userText, int limit)
{
    m_error.clear();
    QList<SearchHit> hits;
    QSet<qint64> seen;
    const auto read = [&](QSqlQuery &q) {
        while (q.next() && hits.size() < limit) {
            const qint64 thread = q.value(0).toLongLong();
            if (seen.contains(thread))
                continue;
            seen.insert(thread);
            SearchHit h;
            h.kind = SearchHit::Kind::Contact;
            h.threadId = thread;
            h.createdAt = q.value(1).toLongLong();
            h.customerNumber = q.value(2).toString();
            h.customerDisplay = PhoneNumber::displayForm(h.customerNumber);
            h.customerName = q.value(3).toString();
            h.senderLabel = q.value(4).toString();
            h.snippet = q.value(5).toString();
            h.senderNumber = q.value(6).toString();
            h.senderDisplay = PhoneNumber::displayForm(h.senderNumber);
            hits.append(h);
        }
    };
    const QString columns =
        u"SELECT t.id, t.last_message_at, t.customer_number, COALESCE(c.name, ''), s.label, "
        u"t.last_message_preview, s.number FROM threads t "
        u"JOIN sender_numbers s ON s.id = t.sender_number_id "
        u"LEFT JOIN contacts c ON c.account_id = t.account_id AND c.number = t.customer_number "_s;

    // Names through the full-text index (it holds each message's contact name): the newest
    // messages of customers so named give their threads, without scanning every contact.
    if (const QString match = ftsQuery(userText); !match.isEmpty()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(columns + u"JOIN (SELECT m.thread_id AS thread_id, f.rowid AS hit FROM "
                            u"messages_fts f JOIN messages m ON m.id = f.rowid WHERE "
                            u"messages_fts MATCH :match AND m.account_id = :account AND "
                            u"m.thread_id IS NOT NULL ORDER BY f.rowid DESC LIMIT :scan) h "
                            u"ON h.thread_id = t.id ORDER BY h.hit DESC"_s);
        q.bindValue(u":match"_s, QString(u"contact_name : ("_s + match + u')'));
        q.bindValue(u":account"_s, accountId);
        // Each customer has several messages: look at enough of them to find `limit` threads.
        q.bindValue(u":scan"_s, limit * 40);
        if (!q.exec()) {
            m_error = u"Cannot search contact names: "_s + q.lastError().text();
            qCWarning(lcModels) << m_error;
            return {};
        }
        read(q);
    }
    const QString digits = numberDigits(userText);
    if (!digits.isEmpty() && hits.size() < limit) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        // The inner scan reads the (account, number) index alone; only matches touch rows.
        q.prepare(columns + u"WHERE t.id IN (SELECT id FROM threads WHERE account_id = :account "
                            u"AND customer_number LIKE :number) AND t.last_message_at IS NOT NULL "
                            u"ORDER BY t.last_message_at DESC, t.id DESC LIMIT :limit"_s);
        q.bindValue(u":account"_s, accountId);
        q.bindValue(u":number"_s, QString(u'%' + digits + u'%'));
        q.bindValue(u":limit"_s, limit);
        if (!q.exec()) {
            m_error = u"Cannot search contact numbers: "_s + q.lastError().text();
            qCWarning(lcModels) << m_error;
            return {};
        }
        read(q);
    }
    return hits;
}
