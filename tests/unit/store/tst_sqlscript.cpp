#include "SqlScript.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TstSqlScript : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void rejects_data();
    void rejects();
};

void TstSqlScript::split_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("two statements")
        << u"CREATE TABLE a (x);\nCREATE TABLE b (y);\n"_s
        << QStringList{u"CREATE TABLE a (x);"_s, u"CREATE TABLE b (y);"_s};
    QTest::newRow("comments between statements are dropped")
        << u"-- header\nCREATE TABLE a (x); -- trailing\n/* block */ SELECT 1;"_s
        << QStringList{u"CREATE TABLE a (x);"_s, u"SELECT 1;"_s};
    QTest::newRow("semicolons inside quotes and comments")
        << u"INSERT INTO t VALUES ('a;b', \"c;\"\"d\", 'it''s;');\nSELECT 1 -- x;y\n;"_s
        << QStringList{u"INSERT INTO t VALUES ('a;b', \"c;\"\"d\", 'it''s;');"_s,
                       u"SELECT 1 -- x;y\n;"_s};
    QTest::newRow("trigger body keeps its semicolons")
        << u"CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n"
           u"  DELETE FROM c;\nEND;\nSELECT 2;"_s
        << QStringList{u"CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  INSERT INTO b VALUES (1);\n"
                       u"  DELETE FROM c;\nEND;"_s,
                       u"SELECT 2;"_s};
    QTest::newRow("CASE ... END inside a trigger")
        << u"create temp trigger t before update on a begin select case when 1 then 2 end; "
           u"select raise(abort, 'no;'); end; select 3;"_s
        << QStringList{u"create temp trigger t before update on a begin select case when 1 then "
                       u"2 end; select raise(abort, 'no;'); end;"_s,
                       u"select 3;"_s};
    QTest::newRow("a column named end outside triggers")
        << u"SELECT 1 AS [end;x]; SELECT `a;` FROM t;"_s
        << QStringList{u"SELECT 1 AS [end;x];"_s, u"SELECT `a;` FROM t;"_s};
    QTest::newRow("empty statements and blank script") << u" ;\n;  -- nothing\n"_s << QStringList{};
}

void TstSqlScript::split()
{
    QFETCH(QString, script);
    QFETCH(QStringList, statements);
    QStringList actual;
    QString error;
    QVERIFY2(SqlScript::split(script, &actual, &error), qPrintable(error));
    QCOMPARE(actual, statements);
    QVERIFY(error.isEmpty());
}

void TstSqlScript::rejects_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("missing final semicolon") << u"SELECT 1;\nSELECT 2\n"_s << u"line 3"_s;
    QTest::newRow("trigger without END;")
        << u"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; "_s << u"closing ';'"_s;
    QTest::newRow("unterminated quote") << u"SELECT 1;\nSELECT 'abc;"_s << u"line 2"_s;
    QTest::newRow("unterminated comment") << u"SELECT 1; /* abc"_s << u"comment"_s;
}

void TstSqlScript::rejects()
{
    QFETCH(QString, script);
    QFETCH(QString, errorPart);
    QStringList actual;
    QString error;
    QVERIFY(!SqlScript::split(script, &actual, &error));
    QVERIFY2(error.contains(errorPart), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstSqlScript)
#include "tst_sqlscript.moc"
