// The admin's view of sender numbers: details (label, throughput, daily cap), the
// "provider answers default keywords" setting, send-only notification numbers and sharing
// them with other accounts, and the unrouted replies list. Every change is audited.
#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class SenderNumberRows
{
public:
    struct Row
    {
        qint64 id = 0;
        qint64 accountId = 0; // the owner
        QString accountName;
        QString number;
        QString kind; // long_code, toll_free, short_code, shared_short_code
        QString providerKeyword;
        QString label;
        double throughputMps = 1.0;
        std::optional<int> dailyCap;
        QString capabilities; // JSON object text, as the provider reports them
        bool sendOnly = false;
        // The stored setting; nullopt: the kind's default (see providerAnswersKeywords).
        std::optional<bool> providerAnswersSetting;
        bool providerAnswersKeywords = false; // what applies, ConfirmationRule's rules included
        QList<qint64> sharedWithAccountIds;   // send-only numbers lent to other accounts
        bool sharedIn = false; // listed for an account that borrows it, not its owner
    };

    struct UnroutedReply
    {
        qint64 messageId = 0;
        QString from; // the customer
        QString to;   // our number
        QString body;
        qint64 createdAtMs = 0;
    };

    explicit SenderNumberRows(QSqlDatabase db);

    // The account's numbers, and the send-only numbers other accounts lend it, by number.
    std::optional<QList<Row>> list(qint64 accountId);
    std::optional<Row> find(qint64 accountId, qint64 numberId);

    // dailyCap nullopt: no cap. Throughput must be > 0, a cap > 0.
    bool setDetails(qint64 accountId, qint64 numberId, const QString &label, double throughputMps,
                    std::optional<int> dailyCap, const QString &actor);
    bool setProviderAnswersKeywords(qint64 accountId, qint64 numberId, std::optional<bool> setting,
                                    const QString &actor);
    // Turning it off is refused while the number is lent to other accounts.
    bool setSendOnly(qint64 accountId, qint64 numberId, bool sendOnly, const QString &actor);

    // Lets `toAccountId` use the number. Refused, saying why, unless the number is the
    // account's own (nothing to do) or a send-only notification number.
    bool assign(qint64 numberId, qint64 toAccountId, const QString &actor);
    bool unshare(qint64 numberId, qint64 fromAccountId, const QString &actor);

    // Marks the account's short code as a shared short code answering to `providerKeyword`
    // (letters only, stored upper-case), or back to an exclusive short code when the keyword
    // is empty. The provider's ShortCode resource has no such flag: this is the admin's to
    // say, and number sync never overwrites it. The number's keyword processes follow.
    bool setSharedShortCode(qint64 accountId, qint64 numberId, const QString &providerKeyword,
                            const QString &actor);
    // The id of the account's plain short code `number` when no admin has decided yet whether
    // it is shared (no audit entry says so); 0 when there is none; nullopt on an error.
    std::optional<qint64> undecidedShortCode(qint64 accountId, const QString &number);

    // The id of `number` when the account may send from it: its own number or a send-only
    // number lent to it; nullopt (errorString() says why) otherwise.
    std::optional<qint64> sendingNumberId(qint64 accountId, const QString &number);

    // Inbound messages of the account that reached no inbox (thread_id NULL), newest first.
    std::optional<QList<UnroutedReply>> unroutedReplies(qint64 accountId, int limit = 200);

    QString errorString() const { return m_error; }

private:
    std::optional<QList<Row>> select(qint64 accountId, std::optional<qint64> numberId);
    bool change(qint64 accountId, qint64 numberId, const QString &action, const QString &sql,
                const QVariantList &values, const QString &actor);
    bool fail(const QString &message);
    // Ends the open transaction: commits when `error` is empty, else rolls back and fails.
    bool finish(QString error);

    QSqlDatabase m_db;
    QString m_error;
};
