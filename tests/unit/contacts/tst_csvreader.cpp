// The streaming CSV reader: its caps (file size, field, row, columns), duplicate headers,
// chunk boundaries, and that its work grows linearly with the input.
#include "ContactLimits.h"
#include "CsvReader.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A device that says it is larger than any CSV file may be, and holds a small one.
class OversizedDevice : public QIODevice
{
public:
    OversizedDevice() { open(QIODevice::ReadOnly); }
    qint64 size() const override { return ContactLimits::MaxCsvFileBytes + 1; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const QByteArray rows = "number\n+14155550101\n";
        const qint64 n = qMin<qint64>(maxSize, rows.size() - m_at);
        memcpy(data, rows.constData() + m_at, size_t(n));
        m_at += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_at = 0;
};

struct ReadAll
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowNumbers;
    QString error;
    qint64 operations = 0;
};

ReadAll readAll(const QByteArray &csv)
{
    ReadAll all;
    CsvReader reader(csv);
    if (reader.readHeader()) {
        all.header = reader.header();
        QStringList fields;
        int row = 0;
        while (reader.next(&fields, &row)) {
            all.rows.append(fields);
            all.rowNumbers.append(row);
        }
    }
    all.error = reader.error();
    all.operations = reader.operations();
    return all;
}

} // namespace

class TstCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicateHeaderIsAnError_data();
    void duplicateHeaderIsAnError();
    void emptyHeaderNamesMayRepeat();
    void headerControlCharacterIsRefused();
    void fieldCap();
    void rowCap();
    void columnCap();
    void fileSizeCap();
    void chunkBoundaries();
    void cutUtf8AtTheEndIsRefused();
    void workGrowsLinearly_data();
    void workGrowsLinearly();
};

void TstCsvReader::duplicateHeaderIsAnError_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");
    QTest::newRow("same") << QByteArray("number,number,name\n+14155550101,+14155550102,Kate\n")
                          << u"row 1: the column \"number\" appears twice (columns 1 and 2); "
                             u"each column needs its own name"_s;
    QTest::newRow("case and spaces") << QByteArray("Name,number, NAME \n")
                                     << u"the column \"NAME\" appears twice (columns 1 and 3)"_s;
}

void TstCsvReader::duplicateHeaderIsAnError()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);
    const ReadAll all = readAll(csv);
    QVERIFY2(all.error.contains(error), qPrintable(all.error));
    QVERIFY(all.rows.isEmpty());
}

void TstCsvReader::emptyHeaderNamesMayRepeat()
{
    const ReadAll all = readAll("number,,\n+14155550101,a,b\n");
    QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
    QCOMPARE(all.rows.size(), 1);
}

void TstCsvReader::headerControlCharacterIsRefused()
{
    const ReadAll all = readAll(QByteArray("number,na\0me\n", 13)); // NOLINT: the NUL counts
    QCOMPARE(all.error, u"row 1: the name of column 2 holds a control character (U+0000) at "
                        u"character 3: control characters are not allowed"_s);
}

void TstCsvReader::fieldCap()
{
    const QByteArray fits(ContactLimits::MaxCsvFieldChars, 'a');
    QVERIFY(readAll("number,name\n1," + fits + "\n").error.isEmpty());
    const ReadAll all = readAll("number,name\n1,\"" + fits + "a\"\n");
    QCOMPARE(all.error, u"row 2, column name: a field longer than 4096 characters, the most a "
                        u"field may hold"_s);
}

void TstCsvReader::rowCap()
{
    const QByteArray field(4000, 'x');
    QByteArray csv = "a\n";
    for (int i = 0; i < 17; ++i) // 68,000 characters
        csv += field + ',';
    const ReadAll all = readAll(csv + "\n");
    QCOMPARE(all.error, u"row 2: a row longer than 65536 characters, the most a row may hold"_s);
}

void TstCsvReader::columnCap()
{
    QByteArray fits = "c0";
    for (int i = 1; i < ContactLimits::MaxCsvColumns; ++i)
        fits += ",c" + QByteArray::number(i);
    QVERIFY(readAll(fits + "\n").error.isEmpty());
    const ReadAll all = readAll(fits + ",one_more\n");
    QCOMPARE(all.error, u"row 1: more than 200 columns, the most a file may have"_s);
    // A data row past the cap too, when the header is within it.
    QCOMPARE(readAll("a\n" + QByteArray(ContactLimits::MaxCsvColumns, ',') + "\n").error,
             u"row 2: more than 200 columns, the most a file may have"_s);
}

void TstCsvReader::fileSizeCap()
{
    OversizedDevice device;
    CsvReader reader(&device);
    QVERIFY(!reader.readHeader());
    QCOMPARE(reader.error(),
             u"the file is 128.0 MiB; a CSV file may be at most 128 MiB: split it"_s);
}

void TstCsvReader::chunkBoundaries()
{
    // Rows of padding so that the next row starts at byte `end`.
    const auto padTo = [](QByteArray &csv, qsizetype end) {
        while (end - csv.size() >= 2000)
            csv += QByteArray(997, 'p') + ",0\n";
        csv += QByteArray(end - csv.size() - 3, 'p') + ",0\n";
    };
    // A two-byte character and a CRLF each cut by the reader's 64 KiB chunks.
    QByteArray csv = "a,b\r\n";
    padTo(csv, 64 * 1024 - 1);
    csv += "\xC3\xA9,1\r\n";
    padTo(csv, 2 * 64 * 1024 - 4); // its CR is the last byte of the second chunk
    csv += "q,2\r\n3,4\r\n";
    const ReadAll all = readAll(csv);
    QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
    for (int i = 0; i < all.rowNumbers.size(); ++i)
        QCOMPARE(all.rowNumbers.at(i), i + 2); // the CR and its LF are one line break
    QVERIFY(all.rows.contains(QStringList{u"\u00e9"_s, u"1"_s}));
    QCOMPARE(all.rows.at(all.rows.size() - 2), (QStringList{u"q"_s, u"2"_s}));
    QCOMPARE(all.rows.last(), (QStringList{u"3"_s, u"4"_s}));
}

void TstCsvReader::cutUtf8AtTheEndIsRefused()
{
    QVERIFY(readAll("a\nJos\xC3").error.contains(u"not UTF-8"_s));
}

void TstCsvReader::workGrowsLinearly_data()
{
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<int>("rows");
    QTest::newRow("plain") << QByteArray("+14155550101,Kate,gold\n") << 2000;
    QTest::newRow("quoted") << QByteArray("\"+1 415 555 0101\",\"Rossi, \"\"Sofia\"\"\",x\n")
                            << 2000;
    QTest::newRow("line breaks in quotes") << QByteArray("1,\"a\r\nb\nc\",\"\r\n\"\r\n") << 2000;
    QTest::newRow("blank lines") << QByteArray("\n\r\n\n1,2,3\n") << 2000;
    QTest::newRow("long fields") << QByteArray(4000, 'z') + ',' + QByteArray(4000, 'q') + ",\n"
                                 << 100;
}

// Double the input, and the reader's work doubles: no rescans, no quadratic appends.
void TstCsvReader::workGrowsLinearly()
{
    QFETCH(QByteArray, row);
    QFETCH(int, rows);
    const auto work = [&](int rows) {
        const ReadAll all = readAll("a,b,c\n" + row.repeated(rows));
        return all.error.isEmpty() ? all.operations : -1;
    };
    const qint64 small = work(rows);
    const qint64 large = work(2 * rows);
    QVERIFY(small > 0);
    const double ratio = double(large) / double(small);
    QVERIFY2(ratio > 1.8 && ratio < 2.2, qPrintable(u"ratio %1"_s.arg(ratio)));
}

QTEST_GUILESS_MAIN(TstCsvReader)
#include "tst_csvreader.moc"
