// An RFC 4180 CSV file read one record at a time, so an import of a million rows holds one
// row in memory, not the file. Shared by the contact import (CsvTable, ContactImport) and
// the consent opt-in import (ConsentCsv).
#pragma once

#include <QBuffer>
#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

// Reading rules: UTF-8 (an optional BOM is dropped; invalid UTF-8 is an error, not a guess),
// fields separated by ',', records by CRLF or LF (a lone CR too), fields optionally quoted
// with '"' and then free to hold commas, line breaks and doubled quotes (""). A quote inside
// an unquoted field, text after a closing quote, or a quote left open is an error naming the
// row. Blank lines are skipped but counted, so row numbers are the ones a spreadsheet shows
// (the header is row 1) as long as no field holds a line break.
// Limits (ContactLimits): the file's size, a field's and a row's length and the number of
// columns; past one the reader stops with an error naming the limit and the row. The header
// may not name a column twice (case-insensitive, trimmed; empty names aside).
class CsvReader
{
public:
    // Reads `device` (not owned, open for reading) from where it is.
    explicit CsvReader(QIODevice *device);
    // Reads a copy of `data` (shared, not copied: QByteArray is implicitly shared).
    explicit CsvReader(const QByteArray &data);
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // The header: the first record that is not blank. False with error() on an empty file, a
    // read error or a column named twice.
    bool readHeader();
    const QStringList &header() const { return m_header; }
    // The next data record and the row it starts on. False at the end (error() empty) or on
    // an error (error() names the row and what is wrong; the reader then stays stopped).
    bool next(QStringList *fields, int *row);

    QString error() const { return m_error; }
    qint64 bytesRead() const { return m_bytesRead; }
    // The file's size when the device knows it, else -1.
    qint64 bytesTotal() const { return m_bytesTotal; }
    // Characters scanned plus characters copied into fields: the reader's work, for tests that
    // check it grows linearly with the input.
    qint64 operations() const { return m_operations; }

private:
    bool record(QStringList *fields, int *row);
    bool fill();
    bool fail(const QString &message);
    bool append(QChar c);
    bool endField();
    QString where() const;

    QBuffer m_buffer;
    QIODevice *m_device;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QByteArray m_chunk;
    QString m_text;
    qsizetype m_pos = 0;
    bool m_started = false;
    bool m_eof = false;
    QByteArray m_tail; // the last bytes read, to find a sequence cut off by the end
    qint64 m_bytesRead = 0;
    qint64 m_bytesTotal = -1;
    qint64 m_operations = 0;

    QStringList m_header;
    QStringList m_record;
    QString m_field;
    int m_recordChars = 0;
    int m_row = 1;            // the physical line being read
    bool m_skipLf = false;    // a record ended on CR: a LF right after it belongs to it
    bool m_lastWasCr = false; // inside quotes: CRLF counts as one line
    QString m_error;
};
