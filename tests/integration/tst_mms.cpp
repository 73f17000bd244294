// Inbound MMS end to end: the sandbox's carrier delivers a message with media (injected over
// its /sandbox/inbound endpoint, as tests inject SMS), SyncEngine stores it, MediaFetcher
// reads its Media list and downloads each item into the profile's media folder within the
// caps. The sandbox runs in process on a loopback port.
#include "AccountConfig.h"
#include "AccountRows.h"
#include "FaultSettings.h"
#include "MediaFetcher.h"
#include "MessageMediaRows.h"
#include "SandboxClient.h"
#include "SenderNumberSync.h"
#include "StoreWriter.h"
#include "SyncEngine.h"
#include "TwilioClient.h"
#include "sandbox/SandboxServer.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace sandbox;

namespace {

const QString kCustomer = u"+14155550100"_s;

QByteArray pngBytes(int width, int height, QColor color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    // Noise, so the PNG does not compress to nothing and sizes differ per image.
    for (int y = 0; y < height; y += 3)
        for (int x = (y * 7) % 5; x < width; x += 5)
            image.setPixel(x, y, qRgb((x * 13 + y) % 256, (y * 31) % 256, (x * y) % 256));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QByteArray pdfBytes()
{
    return QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 "
                             "R >>\n%%EOF\n");
}

QString dataUrl(const QString &type, const QByteArray &bytes)
{
    return u"data:"_s + type + u";base64,"_s + QString::fromLatin1(bytes.toBase64());
}

struct Env
{
    QTemporaryDir dir;
    std::unique_ptr<SandboxServer> server;
    std::unique_ptr<SandboxClient> control;
    QNetworkAccessManager network;
    std::unique_ptr<TwilioClient> client;
    std::unique_ptr<StoreWriter> writer;
    std::unique_ptr<SyncEngine> sync;
    std::unique_ptr<MediaFetcher> media;
    qint64 accountId = 0;
    QString ourNumber;
    QList<MediaFetcher::Summary> summaries;

    bool start()
    {
        SandboxOptions options;
        options.speed = 100.0;
        options.seed = 42;
        options.replyRate = 0.0;
        server = std::make_unique<SandboxServer>(options);
        if (!server->listen(QHostAddress::LocalHost, 0))
            return false;
        control = std::make_unique<SandboxClient>(server->baseUrl(), server->accountSid(),
                                                  server->authToken());
        const AccountConfig config =
            AccountConfig::forSingleBaseUrl(u"Test"_s, server->accountSid(), server->baseUrl());
        client = std::make_unique<TwilioClient>(&network, config, server->authToken());
        writer = std::make_unique<StoreWriter>(dir.filePath(u"profile.sqlite"_s));
        if (!writer->open())
            return false;
        const QString sid = server->accountSid();
        accountId = writer->call(
            [sid](WriterContext &c) { return AccountRows(c.db()).createOrFind(u"Test"_s, sid); });
        SenderNumberSync numbers(accountId, client.get(), writer.get());
        bool done = false;
        QObject::connect(&numbers, &SenderNumberSync::finished, [&] { done = true; });
        QObject::connect(&numbers, &SenderNumberSync::failed, [&] { done = true; });
        numbers.run();
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return false;
        ourNumber = control->get(u"/sandbox/info"_s)
                        .json.value(u"numbers"_s)
                        .toArray()
                        .first()
                        .toObject()
                        .value(u"number"_s)
                        .toString();
        sync = std::make_unique<SyncEngine>(accountId, client.get(), writer.get());
        media = std::make_unique<MediaFetcher>(accountId, client.get(), writer.get(),
                                               MediaFetcher::folderFor(writer->profilePath()));
        media->setRetrySettings({std::chrono::milliseconds(5), std::chrono::milliseconds(20), 8});
        QObject::connect(sync.get(), &SyncEngine::mediaSeen, media.get(),
                         &MediaFetcher::noteMessages);
        QObject::connect(media.get(), &MediaFetcher::finished,
                         [this](const MediaFetcher::Summary &s) { summaries.append(s); });
        return !ourNumber.isEmpty();
    }

    // An inbound MMS over the control endpoint: (content type, bytes) per item.
    QString injectMms(const QString &body, const QList<QPair<QString, QByteArray>> &items)
    {
        SandboxClient::Form form{{u"From"_s, kCustomer}, {u"To"_s, ourNumber}, {u"Body"_s, body}};
        for (const auto &[type, bytes] : items)
            form.append({u"MediaUrl"_s, dataUrl(type, bytes)});
        const HttpResult r = control->post(u"/sandbox/inbound"_s, form);
        return r.status == 201 ? r.json.value(u"sid"_s).toString() : QString();
    }

    // One sync run; then the media run it started (if any) and, when `expectMediaRun`, waits
    // for it.
    bool syncOnce()
    {
        QSignalSpy finished(sync.get(), &SyncEngine::finished);
        sync->syncNow();
        return finished.wait(30000) || finished.size() == 1;
    }

    bool fetchMedia()
    {
        const qsizetype before = summaries.size();
        if (!media->isRunning())
            media->fetchNow();
        return QTest::qWaitFor([&] { return summaries.size() > before && !media->isRunning(); },
                               30000);
    }

    QList<MessageMedia> mediaOf(const QString &messageSid)
    {
        const qint64 id = accountId;
        return writer->call([id, messageSid](WriterContext &c) {
            return c.repo<MessageMediaRows>()
                .forMessage(id, messageSid)
                .value_or(QList<MessageMedia>());
        });
    }
};

} // namespace

class TestMms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageAndPdfAreFetchedOnceAndCached();
    void mediaListAndContentMatchTheOpenApiShape();
    void cacheCapEvictsLeastRecentlyUsed();
    void itemOverTheCapIsRecordedNotKept();
    void transientErrorsRetryAndAFailureIsKeptForLater();
};

void TestMms::imageAndPdfAreFetchedOnceAndCached()
{
    Env env;
    QVERIFY(env.start());
    const QByteArray png = pngBytes(64, 48, Qt::darkCyan);
    const QByteArray pdf = pdfBytes();
    const QString sid = env.injectMms(u"Here is the photo and the form"_s,
                                      {{u"image/png"_s, png}, {u"application/pdf"_s, pdf}});
    QVERIFY(!sid.isEmpty());

    QVERIFY(env.syncOnce());
    QVERIFY(QTest::qWaitFor([&] { return !env.summaries.isEmpty() && !env.media->isRunning(); },
                            30000));
    const MediaFetcher::Summary first = env.summaries.last();
    QCOMPARE(first.listed, 1);
    QCOMPARE(first.downloaded, 2);
    QCOMPARE(first.failed, 0);
    QCOMPARE(first.bytes, qint64(png.size() + pdf.size()));

    const QList<MessageMedia> items = env.mediaOf(sid);
    QCOMPARE(items.size(), 2);
    QCOMPARE(items[0].contentType, u"image/png"_s);
    QCOMPARE(items[1].contentType, u"application/pdf"_s);
    for (const MessageMedia &item : items) {
        QCOMPARE(item.state, u"cached"_s);
        QVERIFY(item.mediaSid.startsWith(u"ME"_s));
        QVERIFY(item.filePath.startsWith(env.media->folder()));
        QFile file(item.filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), item.contentType == u"image/png"_s ? png : pdf);
        QCOMPARE(item.sizeBytes, file.size());
    }
    QVERIFY(items[0].filePath.endsWith(u".png"_s));
    QVERIFY(items[1].filePath.endsWith(u".pdf"_s));

    // A second sync lists the same day again; nothing is fetched again.
    const qsizetype runs = env.summaries.size();
    QVERIFY(env.syncOnce());
    QVERIFY(env.fetchMedia());
    QVERIFY(env.summaries.size() > runs);
    for (qsizetype i = runs; i < env.summaries.size(); ++i) {
        QCOMPARE(env.summaries[i].listed, 0);
        QCOMPARE(env.summaries[i].downloaded, 0);
    }
    QCOMPARE(env.mediaOf(sid).size(), 2);
}

void TestMms::mediaListAndContentMatchTheOpenApiShape()
{
    Env env;
    QVERIFY(env.start());
    const QByteArray png = pngBytes(8, 8, Qt::red);
    const QString sid = env.injectMms(QString(), {{u"image/png"_s, png}});
    QVERIFY2(!sid.isEmpty(), "an MMS may have an empty body");

    const HttpResult message =
        env.control->get(env.control->account(u"/Messages/"_s + sid + u".json"_s));
    QCOMPARE(message.json.value(u"num_media"_s).toString(), u"1"_s);
    const QString mediaList =
        message.json.value(u"subresource_uris"_s).toObject().value(u"media"_s).toString();
    QVERIFY(mediaList.endsWith(u"/Messages/"_s + sid + u"/Media.json"_s));

    const HttpResult list = env.control->get(mediaList + u"?PageSize=1"_s);
    QCOMPARE(list.status, 200);
    const QJsonArray items = list.json.value(u"media_list"_s).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items.first().toObject();
    for (const QString &key : {u"account_sid"_s, u"content_type"_s, u"date_created"_s,
                               u"date_updated"_s, u"parent_sid"_s, u"sid"_s, u"uri"_s})
        QVERIFY2(item.contains(key), qPrintable(key));
    QCOMPARE(item.value(u"parent_sid"_s).toString(), sid);
    QCOMPARE(item.value(u"content_type"_s).toString(), u"image/png"_s);
    QVERIFY(list.json.value(u"next_page_uri"_s).isNull());
    QCOMPARE(list.json.value(u"page_size"_s).toInt(), 1);

    const QString instance = item.value(u"uri"_s).toString();
    QCOMPARE(env.control->get(instance).json.value(u"sid"_s), item.value(u"sid"_s));
    // The content URL is the instance's without ".json": the bytes, with their type.
    const HttpResult content = env.control->get(instance.chopped(5));
    QCOMPARE(content.status, 200);
    QCOMPARE(content.body, png);
    QCOMPARE(content.headers.value("content-type"), QByteArray("image/png"));
    QCOMPARE(env.control->get(instance.chopped(5) + u"x"_s).status, 404);
}

void TestMms::cacheCapEvictsLeastRecentlyUsed()
{
    Env env;
    QVERIFY(env.start());
    QList<QByteArray> images;
    QStringList sids;
    for (int i = 0; i < 3; ++i) {
        images.append(pngBytes(80, 60, QColor::fromHsv(i * 100, 200, 200)));
        sids.append(env.injectMms(u"photo %1"_s.arg(i), {{u"image/png"_s, images.last()}}));
        QVERIFY(!sids.last().isEmpty());
    }
    const qint64 largest = std::max({images[0].size(), images[1].size(), images[2].size()});
    // Room for two of the three.
    env.media->setCaps(MediaFetcher::DefaultMaxItemBytes, 2 * largest + largest / 2);
    QVERIFY(env.syncOnce());
    QVERIFY(QTest::qWaitFor([&] { return !env.summaries.isEmpty() && !env.media->isRunning(); },
                            30000));
    QCOMPARE(env.summaries.last().downloaded, 3);
    QCOMPARE(env.summaries.last().evicted, 1);

    int cached = 0;
    QString evictedSid;
    for (const QString &sid : sids) {
        const MessageMedia item = env.mediaOf(sid).value(0);
        if (item.state == u"cached"_s) {
            ++cached;
            QVERIFY(QFile::exists(item.filePath));
        } else {
            QCOMPARE(item.state, u"evicted"_s);
            QVERIFY(item.filePath.isEmpty());
            evictedSid = sid;
        }
    }
    QCOMPARE(cached, 2);
    QCOMPARE(QDir(env.media->folder()).entryList(QDir::Files).size(), 2);
    const qint64 total = env.writer->call(
        [](WriterContext &c) { return c.repo<MessageMediaRows>().cachedBytes().value_or(-1); });
    QVERIFY(total <= env.media->cacheBytes());

    // Opening one makes it the most recently used: the next eviction takes another.
    const QString keep = sids[1] == evictedSid ? sids[2] : sids[1];
    const MessageMedia kept = env.mediaOf(keep).value(0);
    const qint64 id = env.accountId;
    QVERIFY(env.writer->call([id, kept](WriterContext &c) {
        return c.repo<MessageMediaRows>().touch(id, kept.mediaSid,
                                                QDateTime::currentMSecsSinceEpoch() + 60000);
    }));
    env.media->setCaps(MediaFetcher::DefaultMaxItemBytes, largest);
    QVERIFY(env.fetchMedia());
    QCOMPARE(env.summaries.last().evicted, 1);
    QCOMPARE(env.mediaOf(keep).value(0).state, u"cached"_s);
}

void TestMms::itemOverTheCapIsRecordedNotKept()
{
    Env env;
    QVERIFY(env.start());
    const QByteArray big = pngBytes(400, 300, Qt::blue);
    const QByteArray small = pdfBytes();
    env.media->setCaps(small.size() + 10, MediaFetcher::DefaultCacheBytes);
    const QString sid =
        env.injectMms(u"two"_s, {{u"image/png"_s, big}, {u"application/pdf"_s, small}});
    QVERIFY(env.syncOnce());
    QVERIFY(QTest::qWaitFor([&] { return !env.summaries.isEmpty() && !env.media->isRunning(); },
                            30000));
    QCOMPARE(env.summaries.last().tooLarge, 1);
    const QList<MessageMedia> items = env.mediaOf(sid);
    QCOMPARE(items[0].state, u"too_large"_s);
    QVERIFY(items[0].sizeBytes > small.size() + 10);
    QVERIFY(items[0].filePath.isEmpty());
    QCOMPARE(items[1].state, u"cached"_s);
}

void TestMms::transientErrorsRetryAndAFailureIsKeptForLater()
{
    Env env;
    QVERIFY(env.start());
    // This test drives the fetcher itself: syncs store the message, no more.
    QObject::disconnect(env.sync.get(), &SyncEngine::mediaSeen, env.media.get(),
                        &MediaFetcher::noteMessages);
    const QByteArray png = pngBytes(32, 32, Qt::green);
    const QString sid = env.injectMms(u"pic"_s, {{u"image/png"_s, png}});
    QVERIFY(env.syncOnce());

    // Listed while the provider answers; then every answer is a 503 for the download.
    const QJsonObject listed =
        env.control->get(env.control->account(u"/Messages/"_s + sid + u"/Media.json"_s))
            .json.value(u"media_list"_s)
            .toArray()
            .first()
            .toObject();
    MessageMedia item;
    item.messageSid = sid;
    item.mediaSid = listed.value(u"sid"_s).toString();
    item.contentType = listed.value(u"content_type"_s).toString();
    item.contentUri = listed.value(u"uri"_s).toString().chopped(5);
    const qint64 id = env.accountId;
    QVERIFY(env.writer->call([id, item](WriterContext &c) {
        auto rows = c.repo<MessageMediaRows>();
        return rows.noteMessages(id, {{item.messageSid, 1}}) &&
               rows.storeListing(id, item.messageSid, {item}, 0);
    }));
    FaultSettings faults;
    faults.rate503 = 1.0;
    env.server->setFaults(faults);
    env.media->setRetrySettings({std::chrono::milliseconds(1), std::chrono::milliseconds(2), 2});
    QSignalSpy retries(env.media.get(), &MediaFetcher::retrying);
    QVERIFY(env.fetchMedia());
    QCOMPARE(retries.size(), 2);
    QCOMPARE(env.summaries.last().failed, 1);
    const MessageMedia failed = env.mediaOf(sid).value(0);
    QCOMPARE(failed.state, u"failed"_s);
    QVERIFY(!failed.error.isEmpty());
    QCOMPARE(failed.attempts, 1);

    // The provider recovers, mostly: the next run fetches it, retrying its 503s.
    faults.rate503 = 0.3;
    env.server->setFaults(faults);
    env.server->reseedFaults(7);
    env.media->setRetrySettings({std::chrono::milliseconds(1), std::chrono::milliseconds(2), 8});
    QVERIFY(env.fetchMedia());
    const MessageMedia cached = env.mediaOf(sid).value(0);
    QCOMPARE(cached.state, u"cached"_s);
    QVERIFY(cached.error.isEmpty());
    QFile file(cached.filePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), png);
}

QTEST_GUILESS_MAIN(TestMms)
#include "tst_mms.moc"
