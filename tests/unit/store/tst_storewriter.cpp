#include "StoreWriter.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestStoreWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsRunOnTheWriterThread()
    {
        QTemporaryDir dir;
        StoreWriter writer(dir.filePath(u"profile.sqlite"_s));
        QVERIFY2(writer.open(), qPrintable(writer.errorString()));

        QThread *jobThread = nullptr;
        writer.call([&](WriterContext &) { jobThread = QThread::currentThread(); });
        QVERIFY(jobThread);
        QVERIFY(jobThread != QThread::currentThread());
    }

    void postDeliversTheResultOnTheCallersThread()
    {
        QTemporaryDir dir;
        StoreWriter writer(dir.filePath(u"profile.sqlite"_s));
        QVERIFY(writer.open());

        std::optional<qint64> accountId;
        QThread *doneThread = nullptr;
        writer.post(
            [](WriterContext &ctx) {
                QSqlQuery q(ctx.db());
                q.prepare(u"INSERT INTO accounts (name) VALUES (?) RETURNING id"_s);
                q.addBindValue(u"Acme"_s);
                return q.exec() && q.next() ? q.value(0).toLongLong() : qint64(-1);
            },
            this,
            [&](qint64 id) {
                accountId = id;
                doneThread = QThread::currentThread();
            });
        QTRY_VERIFY(accountId.has_value());
        QVERIFY(*accountId > 0);
        QCOMPARE(doneThread, QThread::currentThread());

        const qint64 count = writer.call([](WriterContext &ctx) {
            QSqlQuery q(u"SELECT count(*) FROM accounts"_s, ctx.db());
            return q.next() ? q.value(0).toLongLong() : qint64(-1);
        });
        QCOMPARE(count, 1);
    }

    void noCallbackAfterTheReceiverIsGone()
    {
        QTemporaryDir dir;
        StoreWriter writer(dir.filePath(u"profile.sqlite"_s));
        QVERIFY(writer.open());

        bool called = false;
        auto receiver = std::make_unique<QObject>();
        writer.post([](WriterContext &) { return 1; }, receiver.get(), [&](int) { called = true; });
        receiver.reset();
        // A later job's answer proves the first one finished and had its chance to call back.
        bool later = false;
        writer.post([](WriterContext &) { return 2; }, this, [&](int) { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!called);
    }

    void refusesAProfileItCannotOpen()
    {
        QTemporaryDir dir;
        QFile notSqlite(dir.filePath(u"profile.sqlite"_s));
        QVERIFY(notSqlite.open(QIODevice::WriteOnly));
        notSqlite.write(QByteArray(4096, 'x'));
        notSqlite.close();
        StoreWriter writer(notSqlite.fileName());
        QVERIFY(!writer.open());
        QVERIFY(!writer.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "tst_storewriter.moc"
