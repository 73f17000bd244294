// A temporary profile with two accounts and their sender numbers, for thread list tests.
#pragma once

#include "ChangeFeed.h"
#include "ChangeRecorder.h"
#include "Database.h"
#include "MessageStore.h"
#include "StoreTestUtil.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

class ThreadFixture
{
public:
    static constexpr qint64 AccountA = 1;
    static constexpr qint64 AccountB = 2;
    static inline const QString Support = QStringLiteral("+14155550100"); // A, "Support"
    static inline const QString Sales = QStringLiteral("+14155550199");   // A, "Sales"
    static inline const QString Bakery = QStringLiteral("+12125550100");  // B, "Front desk"

    bool open()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("profile.sqlite")));
        if (!m_db->open()) {
            qWarning("open: %s", qPrintable(m_db->errorString()));
            return false;
        }
        const bool ok =
            exec(QStringLiteral("INSERT INTO accounts (id, name) VALUES (1, 'Bloom'), "
                                "(2, 'Bakery')"))
                .isActive() &&
            exec(QStringLiteral("INSERT INTO sender_numbers (account_id, number, kind, label, "
                                "throughput_mps) VALUES (1, ?, 'long_code', 'Support', 1), "
                                "(1, ?, 'long_code', 'Sales', 1), "
                                "(2, ?, 'long_code', 'Front desk', 1)"),
                 {Support, Sales, Bakery})
                .isActive();
        m_store = std::make_unique<MessageStore>(m_db->connection());
        return ok && m_recorder.install(m_db->connection());
    }

    ~ThreadFixture()
    {
        m_recorder.uninstall();
        m_store.reset(); // before the Database that owns the connection
        m_db.reset();
    }

    QSqlDatabase db() const { return m_db->connection(); }
    MessageStore &store() { return *m_store; }
    // What the writer's change feed would deliver for this connection's commits; upsert()
    // delivers at once, other writes when publishChanges() is called.
    ChangeFeed &feed() { return m_feed; }
    void publishChanges()
    {
        m_feed.publish(m_recorder.takeCommitted());
        m_feed.flush();
    }
    QString dir() const { return m_dir->path(); }

    static MessageRecord message(const QString &customer, const QString &ours, const QString &body,
                                 const QDateTime &at, bool inbound = true)
    {
        MessageRecord r;
        r.sid = QStringLiteral("SM%1").arg(++s_sid, 32, 10, QLatin1Char('0'));
        r.direction =
            inbound ? MessageRecord::Direction::Inbound : MessageRecord::Direction::Outbound;
        r.from = inbound ? customer : ours;
        r.to = inbound ? ours : customer;
        r.body = body;
        r.status = inbound ? QStringLiteral("received") : QStringLiteral("delivered");
        r.dateCreated = at;
        r.dateUpdated = at;
        return r;
    }

    bool upsert(qint64 account, const QList<MessageRecord> &page)
    {
        UpsertStats stats;
        if (!m_store->upsertPage(account, page, &stats)) {
            qWarning("upsertPage: %s", qPrintable(m_store->errorString()));
            return false;
        }
        publishChanges();
        return true;
    }

    qint64 threadId(qint64 account, const QString &customer, const QString &ours) const
    {
        return StoreTestUtil::scalar(db(),
                                     QStringLiteral("SELECT t.id FROM threads t JOIN "
                                                    "sender_numbers s ON s.id = "
                                                    "t.sender_number_id WHERE t.account_id = ? "
                                                    "AND t.customer_number = ? AND s.number = ?"),
                                     {account, customer, ours})
            .toLongLong();
    }

    bool setThread(qint64 id, const QString &status, bool flagged, const QString &assignee)
    {
        return exec(QStringLiteral(
                        "UPDATE threads SET status = ?, flagged = ?, assignee = COALESCE(?, '') "
                        "WHERE id = ?"),
                    {status, flagged ? 1 : 0, assignee, id})
            .isActive();
    }

    bool setContact(qint64 account, const QString &number, const QString &name,
                    const QString &textEnabled)
    {
        return exec(QStringLiteral("INSERT INTO contacts (account_id, number, name, "
                                   "text_enabled) VALUES (?, ?, ?, ?)"),
                    {account, number, name, textEnabled})
            .isActive();
    }

    QSqlQuery exec(const QString &sql, const QVariantList &values = {}) const
    {
        return StoreTestUtil::exec(db(), sql, values);
    }

private:
    static inline int s_sid = 0;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MessageStore> m_store;
    ChangeRecorder m_recorder;
    ChangeFeed m_feed;
};
