#include "CsvTable.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

CsvTable CsvTable::parse(const QByteArray &data, QString *error)
{
    CsvTable table;
    error->clear();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(data);
    if (decoder.hasError()) {
        *error = u"the file is not UTF-8 text; save it as \"CSV UTF-8\""_s;
        return {};
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QStringList record;
    QString field;
    bool inQuotes = false;
    bool quoted = false;     // the current field was quoted
    bool afterQuote = false; // the closing quote was read; only a separator may follow
    int row = 1;             // the physical line being read
    int recordRow = 1;       // where the current record started
    int quoteRow = 1;        // where an open quote started
    bool haveHeader = false;
    const auto endRecord = [&] {
        record.append(field);
        const bool blank = record.size() == 1 && field.isEmpty() && !quoted;
        if (!blank) {
            if (!haveHeader) {
                table.header = record;
                haveHeader = true;
            } else {
                table.rows.append(record);
                table.rowNumbers.append(recordRow);
            }
        }
        record.clear();
        field.clear();
        quoted = afterQuote = false;
    };

    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == u'\n' || (c == u'\r' && !(i + 1 < n && text.at(i + 1) == u'\n')))
                    ++row;
                field.append(c);
            }
            continue;
        }
        if (c == u',') {
            record.append(field);
            field.clear();
            quoted = afterQuote = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRecord();
            recordRow = ++row;
        } else if (afterQuote) {
            *error = u"row %1: text after a closing quote in field %2; a quote inside a "
                     u"quoted field is written twice (\"\")"_s.arg(row)
                         .arg(record.size() + 1);
            return {};
        } else if (c == u'"') {
            if (!field.isEmpty()) {
                *error = u"row %1: a quote inside unquoted field %2; quote the whole field "
                         u"and double the quote (\"\")"_s.arg(row)
                             .arg(record.size() + 1);
                return {};
            }
            inQuotes = quoted = true;
            quoteRow = row;
        } else {
            field.append(c);
        }
    }
    if (inQuotes) {
        *error = u"row %1: a quoted field is never closed"_s.arg(quoteRow);
        return {};
    }
    if (!field.isEmpty() || !record.isEmpty() || quoted)
        endRecord();
    if (!haveHeader)
        *error = u"the file is empty: it needs a header row naming its columns"_s;
    return table;
}
