#include "TeamSnapshotter.h"

#include "AppLogging.h"
#include "StoreWriter.h"
#include "TeamCompactionRows.h"
#include "TeamSnapshotCodec.h"
#include "TeamStateRows.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

// The newest snapshot read this recently is trusted without reading it again before a write.
constexpr qint64 KnownFreshMs = 60'000;
constexpr qint64 RetryAfterFailureMs = 10 * 60'000;

struct Encoded
{
    bool ok = false;
    QString error;
    qint64 covers = -1;
    QList<QJsonObject> parts;
    qint64 ops = 0;
};

struct Decoded
{
    std::optional<TeamLogWriter::Applied> applied;
    QString error;
};

} // namespace

TeamSnapshotter::TeamSnapshotter(StoreWriter *writer, TeamSnapshotStore *store, qint64 accountId,
                                 QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_store(store)
    , m_accountId(accountId)
{}

void TeamSnapshotter::setPolicy(qint64 everyItems, std::chrono::milliseconds maxAge)
{
    m_everyItems = qMax<qint64>(1, everyItems);
    m_maxAge = maxAge;
}

void TeamSnapshotter::bootstrap(qint64 needed, QObject *context,
                                ProviderCallback<TeamLogWriter::Applied> done)
{
    m_store->latest(context, [this, needed, context,
                              done](const ProviderResult<TeamSnapshotStore::Snapshot> &latest) {
        if (!latest.ok()) {
            done(latest.error());
            return;
        }
        const TeamSnapshotStore::Snapshot snapshot = latest.value();
        m_known = snapshot;
        m_knownAt = QDateTime::currentDateTimeUtc();
        if (!snapshot.exists() || snapshot.covers < needed) {
            done(TeamLogWriter::Applied{});
            return;
        }
        m_store->read(snapshot, context,
                      [this, snapshot, done](const ProviderResult<QList<QJsonObject>> &parts) {
                          if (!parts.ok()) {
                              done(parts.error());
                              return;
                          }
                          const qint64 account = m_accountId;
                          m_writer->post(
                              [account, snapshot, parts = parts.value()](WriterContext &context) {
                                  Decoded out;
                                  const auto entries = TeamSnapshotCodec::decode(parts, &out.error);
                                  if (!entries)
                                      return out;
                                  auto writer = context.repo<TeamLogWriter>();
                                  out.applied =
                                      writer.applySnapshot(account, snapshot.covers, *entries);
                                  if (!out.applied)
                                      out.error = writer.errorString();
                                  return out;
                              },
                              this,
                              [done, snapshot](const Decoded &out) {
                                  if (!out.applied) {
                                      qCWarning(lcSync) << "team snapshot" << snapshot.id
                                                        << "not applied:" << out.error;
                                      done(TeamLogWriter::Applied{});
                                      return;
                                  }
                                  qCInfo(lcSync) << "team log: started from the snapshot up to"
                                                 << snapshot.covers;
                                  done(*out.applied);
                              });
                      });
    });
}

bool TeamSnapshotter::due(const TeamSnapshotStore::Snapshot &known, qint64 appliedIndex) const
{
    if (appliedIndex <= known.covers)
        return false;
    if (!known.exists() || appliedIndex - known.covers >= m_everyItems)
        return true;
    return known.writtenAt.msecsTo(QDateTime::currentDateTimeUtc()) >= m_maxAge.count();
}

void TeamSnapshotter::maybeWrite(qint64 appliedIndex)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_writing || m_busy || appliedIndex < 0 || (m_retryAt.isValid() && now < m_retryAt))
        return;
    if (m_known && !due(*m_known, appliedIndex))
        return;
    if (m_known && m_knownAt.msecsTo(now) <= KnownFreshMs) {
        write();
        return;
    }
    // Another desktop may have written one since: read the newest before writing.
    m_busy = true;
    m_store->latest(
        this, [this, appliedIndex](const ProviderResult<TeamSnapshotStore::Snapshot> &latest) {
            m_busy = false;
            if (!latest.ok()) {
                fail(latest.error().message());
                return;
            }
            m_known = latest.value();
            m_knownAt = QDateTime::currentDateTimeUtc();
            if (due(*m_known, appliedIndex))
                write();
        });
}

void TeamSnapshotter::write()
{
    m_busy = true;
    const qint64 account = m_accountId;
    m_writer->post(
        [account](WriterContext &context) {
            Encoded out;
            // The compacted rows and the position come from one read of the same state.
            const auto state = context.repo<TeamStateRows>().state(account);
            auto rows = context.repo<TeamCompactionRows>();
            const auto entries = rows.entries(account);
            if (!state || !entries) {
                out.error = rows.errorString();
                return out;
            }
            QList<TeamLogWriter::LogItem> items;
            items.reserve(entries->size());
            for (const TeamCompactionRows::Entry &entry : *entries)
                items.append({entry.index, entry.op});
            out.covers = state->appliedIndex;
            out.parts = TeamSnapshotCodec::encode(items);
            out.ops = items.size();
            out.ok = true;
            return out;
        },
        this,
        [this](const Encoded &encoded) {
            if (!encoded.ok) {
                fail(encoded.error);
                return;
            }
            m_store->write(
                encoded.covers, encoded.parts, this,
                [this, encoded](const ProviderResult<TeamSnapshotStore::Snapshot> &done) {
                    m_busy = false;
                    if (!done.ok()) {
                        fail(done.error().message());
                        return;
                    }
                    m_known = done.value();
                    m_knownAt = QDateTime::currentDateTimeUtc();
                    qCInfo(lcSync) << "team log: snapshot of" << encoded.ops << "ops up to"
                                   << encoded.covers << "in" << encoded.parts.size() << "parts";
                    Q_EMIT written(encoded.covers, int(encoded.parts.size()));
                });
        });
}

void TeamSnapshotter::fail(const QString &error)
{
    m_busy = false;
    m_retryAt = QDateTime::currentDateTimeUtc().addMSecs(RetryAfterFailureMs);
    qCWarning(lcSync) << "team log snapshot not written:" << error;
    Q_EMIT writeFailed(error);
}
