#include "MediaFetcher.h"

#include "AppLogging.h"
#include "MessageMediaRows.h"
#include "StoreWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

struct Listed
{
    QStringList sids;
    QString error;
};

struct ToDownload
{
    QList<MessageMedia> items;
    QString error;
};

struct Evicted
{
    QStringList files;
    QString error;
};

} // namespace

MediaFetcher::MediaFetcher(qint64 accountId, ProviderClient *client, StoreWriter *writer,
                           QString folder, QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_client(client)
    , m_writer(writer)
    , m_folder(std::move(folder))
{}

QString MediaFetcher::folderFor(const QString &profilePath)
{
    return profilePath + u".media"_s;
}

void MediaFetcher::setCaps(qint64 maxItemBytes, qint64 cacheBytes)
{
    m_maxItemBytes = std::max<qint64>(1, maxItemBytes);
    m_cacheBytes = std::max<qint64>(0, cacheBytes);
}

void MediaFetcher::setRetrySettings(const RetryPolicy::Settings &settings)
{
    m_retry = RetryPolicy(settings);
}

void MediaFetcher::noteMessages(const QList<QPair<QString, int>> &messages)
{
    if (messages.isEmpty())
        return;
    const qint64 accountId = m_accountId;
    m_writer->post(
        [accountId, messages](WriterContext &context) {
            auto rows = context.repo<MessageMediaRows>();
            return rows.noteMessages(accountId, messages) ? QString() : rows.errorString();
        },
        this,
        [this](const QString &error) {
            if (!error.isEmpty()) {
                failStore(error);
                return;
            }
            fetchNow();
        });
}

void MediaFetcher::fetchNow()
{
    if (m_running) {
        m_queued = true;
        return;
    }
    start();
}

void MediaFetcher::start()
{
    m_running = true;
    m_summary = Summary();
    const qint64 accountId = m_accountId;
    m_writer->post(
        [accountId](WriterContext &context) {
            auto rows = context.repo<MessageMediaRows>();
            Listed listed;
            const auto sids = rows.unlisted(accountId, MaxListingsPerRun);
            if (sids)
                listed.sids = *sids;
            else
                listed.error = rows.errorString();
            return listed;
        },
        this,
        [this](const Listed &listed) {
            if (!listed.error.isEmpty()) {
                failStore(listed.error);
                return;
            }
            m_toList = listed.sids;
            listNext();
        });
}

void MediaFetcher::attempt(std::function<void()> issue)
{
    m_attempt = 0;
    m_issue = std::move(issue);
    m_issue();
}

bool MediaFetcher::retryLater(const ProviderError &error)
{
    if (!error.isTransient() || !m_retry.shouldRetry(m_attempt + 1))
        return false;
    ++m_attempt;
    std::optional<std::chrono::seconds> retryAfter;
    if (error.retryAfterSeconds())
        retryAfter = std::chrono::seconds(*error.retryAfterSeconds());
    const auto delay = m_retry.delay(m_attempt, retryAfter);
    qCInfo(lcSync) << "media: transient provider error" << error.displayMessage() << "- retry"
                   << m_attempt << "in" << delay.count() << "ms";
    Q_EMIT retrying(error, qint64(delay.count()));
    QTimer::singleShot(delay, this, [this] { m_issue(); });
    return true;
}

void MediaFetcher::listNext()
{
    if (m_toList.isEmpty()) {
        const qint64 accountId = m_accountId;
        m_writer->post(
            [accountId](WriterContext &context) {
                auto rows = context.repo<MessageMediaRows>();
                ToDownload result;
                const auto items = rows.toDownload(accountId, MaxAttempts);
                if (items)
                    result.items = *items;
                else
                    result.error = rows.errorString();
                return result;
            },
            this,
            [this](const ToDownload &result) {
                if (!result.error.isEmpty()) {
                    failStore(result.error);
                    return;
                }
                m_toDownload = result.items;
                downloadNext();
            });
        return;
    }
    const QString sid = m_toList.takeFirst();
    attempt([this, sid] {
        m_client->listMedia(sid, this, [this, sid](const ProviderResult<QList<ProviderMedia>> &r) {
            if (!r.ok() && retryLater(r.error()))
                return;
            const qint64 accountId = m_accountId;
            QList<MessageMedia> items;
            QString error;
            if (r.ok()) {
                for (const ProviderMedia &media : r.value()) {
                    MessageMedia item;
                    item.accountId = accountId;
                    item.messageSid = sid;
                    item.mediaSid = media.sid;
                    item.position = int(items.size());
                    item.contentType = media.contentType;
                    item.contentUri = media.contentUri();
                    item.createdAt = media.dateCreated.toMSecsSinceEpoch();
                    items.append(item);
                }
                ++m_summary.listed;
            } else {
                // Kept unlisted: the next run asks again.
                error = r.error().displayMessage();
                ++m_summary.failed;
                qCWarning(lcSync) << "media list of" << sid << "failed:" << error;
            }
            const bool ok = r.ok();
            m_writer->post(
                [accountId, sid, items, error, ok](WriterContext &context) {
                    auto rows = context.repo<MessageMediaRows>();
                    const bool stored = ok ? rows.storeListing(accountId, sid, items,
                                                               QDateTime::currentMSecsSinceEpoch())
                                           : rows.failListing(accountId, sid, error);
                    return stored ? QString() : rows.errorString();
                },
                this,
                [this](const QString &storeError) {
                    if (!storeError.isEmpty()) {
                        failStore(storeError);
                        return;
                    }
                    listNext();
                });
        });
    });
}

QString MediaFetcher::fileFor(const MessageMedia &media) const
{
    const QString suffix = QMimeDatabase().mimeTypeForName(media.contentType).preferredSuffix();
    return QDir(m_folder).filePath(media.mediaSid + (suffix.isEmpty() ? u".bin"_s : u'.' + suffix));
}

void MediaFetcher::downloadNext()
{
    if (m_toDownload.isEmpty()) {
        evict();
        return;
    }
    const MessageMedia media = m_toDownload.takeFirst();
    attempt([this, media] {
        m_client->downloadMedia(
            media.contentUri, m_maxItemBytes, this,
            [this, media](const ProviderResult<MediaContent> &r) {
                if (!r.ok() && retryLater(r.error()))
                    return;
                QString state = u"failed"_s;
                QString error;
                QString path;
                qint64 size = -1;
                QString type;
                if (!r.ok()) {
                    error = r.error().displayMessage();
                } else if (r.value().tooLarge) {
                    state = u"too_large"_s;
                    size = r.value().declaredSize;
                    error = u"Larger than %1 bytes"_s.arg(m_maxItemBytes);
                    ++m_summary.tooLarge;
                } else {
                    path = fileFor(media);
                    QDir().mkpath(m_folder);
                    QSaveFile file(path);
                    if (file.open(QIODevice::WriteOnly) && file.write(r.value().bytes) >= 0 &&
                        file.commit()) {
                        state = u"cached"_s;
                        size = r.value().bytes.size();
                        type = r.value().contentType.section(u';', 0, 0).trimmed();
                    } else {
                        error = u"Cannot write %1: %2"_s.arg(path, file.errorString());
                    }
                }
                if (state == u"cached"_s) {
                    ++m_summary.downloaded;
                    m_summary.bytes += size;
                } else if (state == u"failed"_s) {
                    ++m_summary.failed;
                    qCWarning(lcSync) << "media" << media.mediaSid << "failed:" << error;
                }
                const qint64 accountId = m_accountId;
                m_writer->post(
                    [accountId, media, state, error, path, size, type](WriterContext &context) {
                        auto rows = context.repo<MessageMediaRows>();
                        const bool stored =
                            state == u"cached"_s
                                ? rows.markCached(accountId, media.mediaSid, path, size, type,
                                                  QDateTime::currentMSecsSinceEpoch())
                                : rows.markFailed(accountId, media.mediaSid, state, error, size);
                        return stored ? QString() : rows.errorString();
                    },
                    this,
                    [this](const QString &storeError) {
                        if (!storeError.isEmpty()) {
                            failStore(storeError);
                            return;
                        }
                        downloadNext();
                    });
            });
    });
}

void MediaFetcher::evict()
{
    const qint64 cap = m_cacheBytes;
    m_writer->post(
        [cap](WriterContext &context) {
            auto rows = context.repo<MessageMediaRows>();
            Evicted evicted;
            const auto files = rows.evictToFit(cap);
            if (files)
                evicted.files = *files;
            else
                evicted.error = rows.errorString();
            return evicted;
        },
        this,
        [this](const Evicted &evicted) {
            if (!evicted.error.isEmpty()) {
                failStore(evicted.error);
                return;
            }
            for (const QString &file : evicted.files) {
                if (!file.isEmpty())
                    QFile::remove(file);
            }
            m_summary.evicted = int(evicted.files.size());
            endRun();
        });
}

void MediaFetcher::endRun()
{
    m_running = false;
    qCInfo(lcSync) << "media of account" << m_accountId << ":" << m_summary.listed << "lists,"
                   << m_summary.downloaded << "downloaded," << m_summary.failed << "failed,"
                   << m_summary.evicted << "evicted";
    Q_EMIT finished(m_summary);
    if (m_queued) {
        m_queued = false;
        start();
    }
}

void MediaFetcher::failStore(const QString &message)
{
    qCWarning(lcSync) << "media of account" << m_accountId << ":" << message;
    m_running = false;
    m_queued = false;
    Q_EMIT storeFailed(message);
}
