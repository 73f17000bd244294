// The client's MMS media against TwilioFixtureProvider (built from the OpenAPI file's own
// Media examples, not from our sandbox): the Media list read across pages, the content
// fetched through Twilio's redirect, and MediaFetcher storing and caching both items.
#include "MediaFetcher.h"
#include "MessageMediaRows.h"
#include "ProviderShapesFixture.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMmsFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mediaListIsReadAcrossPages();
    void fetcherDownloadsThroughTheRedirect();
};

void TestMmsFixture::mediaListIsReadAcrossPages()
{
    ShapesEnv env;
    QVERIFY(env.start());
    const QString sid = env.provider.addMessage(
        {{u"body"_s, u""_s}, {u"direction"_s, u"inbound"_s}, {u"num_media"_s, u"0"_s}});
    for (int i = 0; i < 101; ++i)
        env.provider.addMedia(sid, u"image/jpeg"_s, QByteArray(10, char('a' + i % 26)));
    std::optional<ProviderResult<QList<ProviderMedia>>> result;
    env.client->listMedia(sid, &env.network,
                          [&](const ProviderResult<QList<ProviderMedia>> &r) { result = r; });
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 10000));
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().message()));
    QCOMPARE(result->value().size(), 101);
    QCOMPARE(env.provider.requestCount(u"/Media.json"_s), 2);
    const ProviderMedia &first = result->value().first();
    QVERIFY(first.sid.startsWith(u"ME"_s));
    QCOMPARE(first.parentSid, sid);
    QCOMPARE(first.contentType, u"image/jpeg"_s);
    QVERIFY(first.dateCreated.isValid()); // the example's RFC 2822 date
    QVERIFY(first.uri.endsWith(u".json"_s));
    QCOMPARE(first.contentUri(), first.uri.chopped(5));

    // A message sid that is not one is refused before any request.
    std::optional<ProviderResult<QList<ProviderMedia>>> bad;
    env.client->listMedia(u"../x"_s, &env.network,
                          [&](const ProviderResult<QList<ProviderMedia>> &r) { bad = r; });
    QVERIFY(QTest::qWaitFor([&] { return bad.has_value(); }, 10000));
    QVERIFY(!bad->ok());
}

void TestMmsFixture::fetcherDownloadsThroughTheRedirect()
{
    ShapesEnv env;
    QVERIFY(env.start());
    const QString sid = env.provider.addMessage(
        {{u"body"_s, u"the form"_s}, {u"direction"_s, u"inbound"_s}, {u"num_media"_s, u"0"_s}});
    const QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0") + QByteArray(2000, 'j');
    const QByteArray pdf = QByteArray("%PDF-1.4\n") + QByteArray(3000, 'p');
    const QString jpegSid = env.provider.addMedia(sid, u"image/jpeg"_s, jpeg);
    env.provider.addMedia(sid, u"application/pdf"_s, pdf);
    QCOMPARE(env.provider.message(sid).value(u"num_media"_s).toString(), u"2"_s);

    MediaFetcher fetcher(env.accountId, env.client.get(), env.writer.get(),
                         MediaFetcher::folderFor(env.writer->profilePath()));
    std::optional<MediaFetcher::Summary> summary;
    connect(&fetcher, &MediaFetcher::finished,
            [&](const MediaFetcher::Summary &s) { summary = s; });
    fetcher.noteMessages({{sid, 2}});
    QVERIFY(QTest::qWaitFor([&] { return summary.has_value(); }, 10000));
    QCOMPARE(summary->downloaded, 2);
    QCOMPARE(summary->failed, 0);
    // The content URL (…/Media/ME…) answered a redirect, followed to the storage path.
    QCOMPARE(env.provider.requestCount(jpegSid), 2);

    const qint64 id = env.accountId;
    const QList<MessageMedia> items = env.writer->call([id, sid](WriterContext &c) {
        return c.repo<MessageMediaRows>().forMessage(id, sid).value_or(QList<MessageMedia>());
    });
    QCOMPARE(items.size(), 2);
    for (const MessageMedia &item : items) {
        QCOMPARE(item.state, u"cached"_s);
        QFile file(item.filePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), item.contentType == u"image/jpeg"_s ? jpeg : pdf);
    }
}

QTEST_GUILESS_MAIN(TestMmsFixture)
#include "tst_mms_fixture.moc"
