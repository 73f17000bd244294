// MMS media in the thread: an image as a thumbnail inside its bubble (a click opens it full
// size), a PDF as a named attachment, a failed download shown as failed; an outbound message
// still "sent" after the receipt window reads "No receipt".
#include "MediaViewerDialog.h"
#include "MessageBubbleDelegate.h"
#include "MessageMediaBlock.h"
#include "MessageMediaRows.h"
#include "ThreadFixture.h"
#include "ThreadMessagesModel.h"
#include "ThreadView.h"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

const QString Ana = u"+14155552001"_s;

QString writeImage(const QString &dir)
{
    QImage image(600, 400, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, 400);
    sky.setColorAt(0, QColor(0x0e, 0x74, 0x90));
    sky.setColorAt(1, QColor(0x22, 0xc5, 0x5e));
    p.fillRect(image.rect(), sky);
    p.setBrush(QColor(0xfa, 0xcc, 0x15));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPoint(420, 120), 70, 70);
    p.end();
    const QString path = QDir(dir).filePath(u"ME0001.png"_s);
    image.save(path);
    return path;
}

} // namespace

class TestThreadMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void imageIsAThumbnailThatOpensFullSize();
    void otherTypesAndFailuresAreNamedAttachments();
    void sentPastTheReceiptWindowReadsNoReceipt();
    void screenshot();

private:
    QModelIndex rowWithBody(const QString &body) const;

    std::unique_ptr<ThreadFixture> m_fx;
    std::unique_ptr<ThreadMessagesModel> m_model;
    std::unique_ptr<ThreadView> m_view;
    QString m_imagePath;
    QDateTime m_now;
};

void TestThreadMedia::init()
{
    m_fx = std::make_unique<ThreadFixture>();
    QVERIFY(m_fx->open());
    m_now = QDateTime(QDate(2026, 12, 7), QTime(15, 0), Qt::UTC);
    const QDateTime base = m_now.addSecs(-4 * 24 * 3600);
    MessageRecord old = ThreadFixture::message(
        Ana, ThreadFixture::Support, u"Your order shipped, tracking 1Z999"_s, base, false);
    old.status = u"sent"_s;
    MessageRecord mms = ThreadFixture::message(
        Ana, ThreadFixture::Support, u"It arrived broken, see the photo and the receipt"_s,
        m_now.addSecs(-3600));
    MessageRecord recent = ThreadFixture::message(Ana, ThreadFixture::Support,
                                                  u"So sorry! A replacement is on its way today."_s,
                                                  m_now.addSecs(-600), false);
    recent.status = u"sent"_s;
    MessageRecord photoOnly =
        ThreadFixture::message(Ana, ThreadFixture::Support, QString(), m_now.addSecs(-300));
    QVERIFY(m_fx->upsert(ThreadFixture::AccountA, {old, mms, recent, photoOnly}));

    m_imagePath = writeImage(m_fx->dir());
    const QString pdfPath = QDir(m_fx->dir()).filePath(u"ME0002.pdf"_s);
    QFile pdf(pdfPath);
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write(QByteArray(48213, 'x'));
    pdf.close();
    MessageMediaRows rows(m_fx->db());
    auto item = [](const QString &sid, int position, const QString &type) {
        MessageMedia m;
        m.mediaSid = sid;
        m.position = position;
        m.contentType = type;
        m.contentUri = u"/2010-04-01/Accounts/AC1/Messages/x/Media/"_s + sid;
        return m;
    };
    QVERIFY(rows.noteMessages(ThreadFixture::AccountA, {{mms.sid, 2}, {photoOnly.sid, 1}}));
    QVERIFY(rows.storeListing(
        ThreadFixture::AccountA, mms.sid,
        {item(u"ME0001"_s, 0, u"image/png"_s), item(u"ME0002"_s, 1, u"application/pdf"_s)}, 0));
    QVERIFY(rows.storeListing(ThreadFixture::AccountA, photoOnly.sid,
                              {item(u"ME0003"_s, 0, u"image/jpeg"_s)}, 0));
    QVERIFY(rows.markCached(ThreadFixture::AccountA, u"ME0001"_s, m_imagePath,
                            QFileInfo(m_imagePath).size(), u"image/png"_s, 1));
    QVERIFY(rows.markCached(ThreadFixture::AccountA, u"ME0002"_s, pdfPath, 48213,
                            u"application/pdf"_s, 1));
    QVERIFY(rows.markFailed(ThreadFixture::AccountA, u"ME0003"_s, u"failed"_s,
                            u"The provider is unavailable (HTTP 503)"_s, -1));

    m_model = std::make_unique<ThreadMessagesModel>(m_fx->db());
    connect(&m_fx->feed(), &ChangeFeed::changed, m_model.get(), &ThreadMessagesModel::applyChanges);
    m_model->setThread(ThreadFixture::AccountA,
                       m_fx->threadId(ThreadFixture::AccountA, Ana, ThreadFixture::Support));
    m_view = std::make_unique<ThreadView>();
    m_view->bubbleDelegate()->setNow(m_now);
    m_view->setMessagesModel(m_model.get());
    m_view->resize(640, 900);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestThreadMedia::cleanup()
{
    m_view.reset();
    m_model.reset();
    m_fx.reset();
}

QModelIndex TestThreadMedia::rowWithBody(const QString &body) const
{
    QAbstractItemModel *timeline = m_view->model();
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const QModelIndex index = timeline->index(row, 0);
        if (index.data(ThreadMessagesModel::BodyRole).toString() == body)
            return index;
    }
    return {};
}

void TestThreadMedia::imageIsAThumbnailThatOpensFullSize()
{
    const QModelIndex index = rowWithBody(u"It arrived broken, see the photo and the receipt"_s);
    QVERIFY(index.isValid());
    m_view->scrollTo(index);
    const QList<QRect> rects =
        m_view->bubbleDelegate()->mediaRects(m_view->visualRect(index), index);
    QCOMPARE(rects.size(), 2);
    // 600×400 scaled into 220×160 keeping its shape.
    QCOMPARE(rects[0].size(), QSize(220, 146));
    QVERIFY(m_view->visualRect(index).contains(rects[0]));

    // The thumbnail's pixels are the image's (its sky at the top left), not the bubble's grey.
    const QImage shot = m_view->viewport()->grab().toImage();
    const QColor top = shot.pixelColor(rects[0].topLeft() + QPoint(20, 12));
    QVERIFY2(top.blue() > top.red() + 40, qPrintable(top.name()));
    const QColor sun = shot.pixelColor(rects[0].topLeft() +
                                       QPoint(int(420 * 220 / 600.0), int(120 * 146 / 400.0)));
    QVERIFY2(sun.red() > 200 && sun.green() > 170 && sun.blue() < 120, qPrintable(sun.name()));

    QVERIFY(!m_view->mediaViewer());
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rects[0].center());
    QVERIFY(m_view->mediaViewer());
    QCOMPARE(m_view->mediaViewer()->path(), m_imagePath);
    QCOMPARE(m_view->mediaViewer()->pixmap().size(), QSize(600, 400));
    m_view->mediaViewer()->close();
}

void TestThreadMedia::otherTypesAndFailuresAreNamedAttachments()
{
    const QModelIndex index = rowWithBody(u"It arrived broken, see the photo and the receipt"_s);
    const auto items =
        MessageMediaBlock::parse(index.data(ThreadMessagesModel::MediaRole).toString());
    QCOMPARE(items.size(), 2);
    QVERIFY(items[0].showsThumbnail());
    QVERIFY(!items[1].showsThumbnail());
    const QString pdf = MessageMediaBlock::attachmentText(items[1]);
    QVERIFY2(pdf.contains(u"application/pdf"_s) && pdf.contains(u"47"_s), qPrintable(pdf));

    const QModelIndex photoOnly = rowWithBody(QString());
    QVERIFY(photoOnly.isValid());
    const auto failed =
        MessageMediaBlock::parse(photoOnly.data(ThreadMessagesModel::MediaRole).toString());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0].state, u"failed"_s);
    const QString text = MessageMediaBlock::attachmentText(failed[0]);
    QVERIFY2(text.contains(u"download failed"_s) && text.contains(u"503"_s), qPrintable(text));
    // Shown as a line, not an empty thumbnail; clicking it opens nothing.
    const QList<QRect> rects =
        m_view->bubbleDelegate()->mediaRects(m_view->visualRect(photoOnly), photoOnly);
    QCOMPARE(rects.size(), 1);
    QVERIFY(rects[0].height() < 80);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, rects[0].center());
    QVERIFY(!m_view->mediaViewer());
}

void TestThreadMedia::sentPastTheReceiptWindowReadsNoReceipt()
{
    using D = MessageBubbleDelegate;
    QVERIFY(D::isNoReceipt(u"sent"_s, m_now.addSecs(-73 * 3600), m_now));
    QVERIFY(!D::isNoReceipt(u"sent"_s, m_now.addSecs(-71 * 3600), m_now));
    QVERIFY(!D::isNoReceipt(u"delivered"_s, m_now.addSecs(-100 * 3600), m_now));
    QVERIFY(!D::isNoReceipt(u"queued"_s, m_now.addSecs(-100 * 3600), m_now));

    // In the bubble: the old one's status line says so, the recent one's still "Sent".
    const QModelIndex old = rowWithBody(u"Your order shipped, tracking 1Z999"_s);
    const QModelIndex recent = rowWithBody(u"So sorry! A replacement is on its way today."_s);
    QCOMPARE(D::metaLine(old, m_now).section(u" \u00b7 "_s, 0, 0), u"No receipt"_s);
    QCOMPARE(D::metaLine(recent, m_now).section(u" \u00b7 "_s, 0, 0), u"Sent"_s);
}

void TestThreadMedia::screenshot()
{
    m_view->scrollToBottom();
    QCoreApplication::processEvents();
    const QPixmap shot = m_view->grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("SMSDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SMSDESK_SCREENSHOT_DIR not set");
    QVERIFY(shot.save(QDir(dir).filePath(u"thread-mms.png"_s)));
}

QTEST_MAIN(TestThreadMedia)
#include "tst_threadmedia.moc"
