// Shares a customer's STOP/START texted to a keyword with the team exactly once. Every desktop
// of the team syncs the same inbound message and records its consent at once (the keyword
// processing, deduplicated by the inbound sid: KeywordConsentOps), so none of them texts an
// opted-out customer while the team log catches up. Which of them appends the op to the log
// is decided on Sync: the item `consent-<inbound sid>` of the `keyword-claims` map, created by
// the first (409/54208: another has it). A holder that died before appending is taken over
// after its lease (If-Match). The op's appliers keep one event per inbound sid in every ledger.
#pragma once

#include "KeywordClaim.h"
#include "ProviderClient.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <optional>

class ConsentEvent;
class StoreWriter;

class KeywordConsentSharing : public QObject
{
    Q_OBJECT

public:
    struct Desk
    {
        QString id;      // the desk id (the claims' holder)
        QString name;    // its agent's name
        QString agentId; // the op's author
    };

    KeywordConsentSharing(StoreWriter *writer, ProviderClient *client, qint64 accountId, Desk desk,
                          QObject *parent = nullptr);

    static QString claimKey(const QString &inboundSid)
    {
        return QStringLiteral("consent-") + inboundSid;
    }
    // Only events this recent are shared: older ones reached every desktop's ledger long ago
    // (each synced the same message), and a freshly joined desktop must not claim years of
    // history.
    static constexpr std::chrono::hours Horizon{48};

    void setLease(std::chrono::milliseconds lease) { m_leaseMs = lease.count(); }
    void setItemTtl(std::chrono::seconds ttl) { m_itemTtl = ttl; }

    // Looks for keyword consent recorded here and not shared yet, and shares what is ours.
    void shareNow();

Q_SIGNALS:
    // This desktop appended the op for `inboundSid` (tests).
    void shared(const QString &inboundSid);
    // A round ended (nothing left that this desktop can do now).
    void idle();

private:
    void next();
    void claim(const ConsentEvent &event);
    void inspect(const ConsentEvent &event, bool afterConflict);
    void record(const ConsentEvent &event);
    void done(const QString &sid);
    void later(const QString &sid, qint64 atMs);
    void giveUpRound(const ProviderError &error);
    void open(std::function<void(bool)> then);
    KeywordClaim mine(const QString &state) const;

    StoreWriter *m_writer;
    ProviderClient *m_client;
    qint64 m_accountId;
    Desk m_desk;
    qint64 m_leaseMs = 90'000;
    std::chrono::seconds m_itemTtl{7 * 24 * 3600};
    QString m_serviceSid;
    QList<ConsentEvent> m_queue;
    QSet<QString> m_done;           // shared by us or by a teammate: never asked again
    QHash<QString, qint64> m_later; // a teammate's, leased: not before then
    bool m_running = false;
    bool m_again = false;
    int m_failures = 0;
    QTimer m_retry;
};
