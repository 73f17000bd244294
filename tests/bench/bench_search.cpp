// Inbox search over 1,000,000 messages in 100,000 threads (90% in the searched account):
// median and p95 latency of what one keystroke costs (SearchResultsModel's contacts + messages).
// Usage: bench_search [directory]
#include "Database.h"
#include "SearchQuery.h"
#include "SearchResultsModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int Threads = 100'000;
constexpr int Messages = 1'000'000;
constexpr int Repeat = 40;

bool run(QSqlQuery &q, const QString &sql)
{
    if (!q.exec(sql)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(sql.left(200)),
                     qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

// Vocabulary of a florist's and a dentist's customers, and names for the contacts.
const char16_t *const Words[] = {
    u"delivery",    u"tomorrow", u"peonies",      u"roses",       u"wedding",    u"order",
    u"please",      u"thanks",   u"pickup",       u"today",       u"address",    u"invoice",
    u"appointment", u"cleaning", u"friday",       u"saturday",    u"monday",     u"morning",
    u"afternoon",   u"price",    u"bouquet",      u"lilies",      u"sunflowers", u"vase",
    u"card",        u"message",  u"birthday",     u"anniversary", u"sympathy",   u"wreath",
    u"office",      u"weekly",   u"subscription", u"parking",     u"late",       u"sorry",
    u"great",       u"perfect",  u"confirm",      u"reschedule",  u"cancel",     u"refund",
    u"receipt",     u"hospital", u"apartment",    u"street",      u"ring",       u"door",
    u"call",        u"back",     u"is",           u"the",         u"can",        u"you",
    u"we",          u"for",      u"to",           u"at",          u"on",         u"my"};
const char16_t *const First[] = {u"Maria", u"James", u"Priya", u"Tom",    u"Chen",  u"Olivia",
                                 u"Ahmed", u"Grace", u"Lucas", u"Hannah", u"Diego", u"Emily",
                                 u"Noah",  u"Aisha", u"Marco", u"Lena",   u"Ryan",  u"Yuki"};
const char16_t *const Last[] = {u"Gonzalez", u"Whitaker", u"Natarajan", u"Becker", u"Wei",
                                u"Brooks",   u"Hassan",   u"Kim",       u"Martin", u"Schmidt",
                                u"Alvarez",  u"Clarke",   u"Williams",  u"Bello",  u"Bianchi",
                                u"Fischer",  u"OConnor",  u"Tanaka",    u"Costa",  u"Okafor"};

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temp;
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temp.path();
    Database database(dir + u"/bench-search.sqlite"_s);
    if (!database.open()) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        return 1;
    }
    QSqlDatabase db = database.connection();
    QSqlQuery q(db);
    if (!run(q, u"INSERT OR IGNORE INTO accounts (id, name) VALUES (1, 'A'), (2, 'B')"_s) ||
        !run(q, u"INSERT OR IGNORE INTO sender_numbers (id, account_id, number, kind, label, "
                u"throughput_mps) VALUES (1, 1, '+14155550100', 'long_code', 'Support', 1), "
                u"(2, 1, '+14155550199', 'long_code', 'Sales', 1), "
                u"(3, 2, '+12125550100', 'long_code', '', 1)"_s))
        return 1;

    QElapsedTimer fill;
    fill.start();
    // A directory from an earlier run keeps its data: measure again without regenerating.
    run(q, u"SELECT count(*) FROM messages"_s);
    const bool reuse = q.next() && q.value(0).toInt() == Messages;
    q.finish();
    if (!reuse) {
        run(q, u"CREATE TEMP TABLE w (id INTEGER PRIMARY KEY, word TEXT)"_s);
        QSqlQuery word(db);
        word.prepare(u"INSERT INTO w (id, word) VALUES (?, ?)"_s);
        const int wordCount = int(std::size(Words));
        for (int i = 0; i < wordCount; ++i) {
            word.addBindValue(i);
            word.addBindValue(QString::fromUtf16(Words[i]));
            word.exec();
        }
        db.transaction();
        // Thread t (1-based): account 2 for every tenth, our number by parity.
        QSqlQuery threads(db);
        threads.prepare(
            u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 "
            u"< :threads) INSERT INTO threads (id, account_id, customer_number, "
            u"sender_number_id, last_message_at) SELECT i + 1, CASE WHEN i % 10 = 0 "
            u"THEN 2 ELSE 1 END, '+1415' || (2000000 + i), CASE WHEN i % 10 = 0 THEN 3 "
            u"ELSE 1 + i % 2 END, 1700000000000 + i FROM n"_s);
        threads.bindValue(u":threads"_s, Threads);
        if (!threads.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(threads.lastError().text()));
            return 1;
        }
        // Half the customers have a contact with a name.
        QSqlQuery contact(db);
        contact.prepare(u"INSERT INTO contacts (account_id, number, name) VALUES (?, ?, ?)"_s);
        for (int i = 0; i < Threads; i += 2) {
            contact.addBindValue(i % 10 == 0 ? 2 : 1);
            contact.addBindValue(QString(u"+1415"_s + QString::number(2000000 + i)));
            contact.addBindValue(QString(QString::fromUtf16(First[i % std::size(First)]) + u' ' +
                                         QString::fromUtf16(Last[(i / 7) % std::size(Last)])));
            contact.exec();
        }
        db.commit();
        // Messages in one INSERT ... SELECT per 100,000 (FTS5 flushes once per statement): ten
        // words picked by hashes of the row number, and an order number.
        QString bodyExpr;
        for (int k = 0; k < 10; ++k) {
            if (k)
                bodyExpr += u" || ' ' || "_s;
            // A quadratic hash modulo a prime: words that do not move in lockstep with i.
            const QString x = u"(i + "_s + QString::number(k * 7919) + u')';
            bodyExpr += u"(SELECT word FROM w WHERE id = ("_s + x + u" * "_s + x +
                        u" * 2654435761 % 1000003) % "_s + QString::number(wordCount) + u')';
        }
        const QString insert =
            u"WITH RECURSIVE n(i) AS (SELECT :from UNION ALL SELECT i + 1 FROM n WHERE i + 1 < "
            u":to) "
            u"INSERT INTO messages (id, account_id, thread_id, direction, from_number, to_number, "
            u"body, status, provider_sid, created_at, updated_at) "
            u"SELECT i + 1, t.account_id, t.id, CASE WHEN i % 2 = 0 THEN 'in' ELSE 'out' END, "
            u"CASE WHEN i % 2 = 0 THEN t.customer_number ELSE s.number END, "
            u"CASE WHEN i % 2 = 0 THEN s.number ELSE t.customer_number END, "_s +
            bodyExpr +
            u" || ' order ' || (i % 50000), "
            u"CASE WHEN i % 2 = 0 THEN 'received' ELSE 'delivered' END, 'SM' || i, "
            u"1700000000000 + i * 1000, 1700000000000 + i * 1000 "
            u"FROM n JOIN threads t ON t.id = 1 + i % :threads "
            u"JOIN sender_numbers s ON s.id = t.sender_number_id"_s;
        constexpr int Chunk = 100'000;
        for (int from = 0; from < Messages; from += Chunk) {
            db.transaction();
            QSqlQuery m(db);
            m.prepare(insert);
            m.bindValue(u":from"_s, from);
            m.bindValue(u":to"_s, from + Chunk);
            m.bindValue(u":threads"_s, Threads);
            if (!m.exec()) {
                std::fprintf(stderr, "messages: %s\n", qPrintable(m.lastError().text()));
                return 1;
            }
            db.commit();
            std::fprintf(stderr, "\r%d messages", from + Chunk);
        }
        run(q, u"UPDATE threads SET last_message_at = (SELECT max(created_at) FROM messages "
               u"WHERE thread_id = threads.id)"_s);
        run(q, u"INSERT INTO messages_fts (messages_fts) VALUES ('optimize')"_s);
        run(q, u"ANALYZE"_s);
        std::printf("generated %d messages, %d threads in %.1f s\n", Messages, Threads,
                    double(fill.elapsed()) / 1000.0);
    }

    SearchQuery search(db);
    SearchResultsModel model(db);
    const QList<QPair<QString, QString>> queries = {
        {u"common word"_s, u"delivery"_s},
        {u"two words"_s, u"delivery tomorrow"_s},
        {u"typing a word"_s, u"deliv"_s},
        {u"one letter"_s, u"p"_s},
        {u"order number"_s, u"order 4821"_s},
        {u"contact name"_s, u"gonzalez"_s},
        {u"first and last name"_s, u"maria gonz"_s},
        {u"phone digits"_s, u"415 200 12"_s},
        {u"no match"_s, u"zyxwvut"_s},
        {u"hostile text"_s, u"\"NEAR(a* OR -b\" ^body:"_s},
    };
    // "first": the query's first run, its customers' display forms not yet remembered
    // (PhoneNumber::displayForm's cache), as when a keystroke brings new hits.
    std::printf("%-22s %-26s %8s %8s %8s %8s %8s\n", "query", "text", "results", "median", "p95",
                "first", "msgs-only");
    for (const auto &[label, text] : queries) {
        std::vector<double> all;
        std::vector<double> messagesOnly;
        int results = 0;
        for (int r = 0; r < Repeat; ++r) {
            QElapsedTimer t;
            t.start();
            model.search(1, text);
            all.push_back(double(t.nsecsElapsed()) / 1e6);
            results = model.rowCount();
            t.restart();
            search.messages(1, text, SearchResultsModel::MessageLimit);
            messagesOnly.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::printf("%-22s %-26s %8d %7.2fms %7.2fms %7.2fms %7.2fms\n", qPrintable(label),
                    qPrintable(text.left(26)), results, percentile(all, 0.5), percentile(all, 0.95),
                    all.front(), percentile(messagesOnly, 0.5));
        if (!model.errorString().isEmpty())
            std::printf("  error: %s\n", qPrintable(model.errorString()));
    }
    return 0;
}
