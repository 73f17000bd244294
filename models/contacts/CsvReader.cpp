#include "CsvReader.h"

#include "ContactLimits.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 ChunkBytes = 64 * 1024;

// Whether `tail` (the last bytes of the input) ends inside a UTF-8 sequence.
bool endsInsideSequence(const QByteArray &tail)
{
    int continuation = 0;
    for (qsizetype i = tail.size() - 1; i >= 0; --i) {
        const auto b = static_cast<unsigned char>(tail.at(i));
        if ((b & 0xC0) == 0x80) {
            ++continuation;
            continue;
        }
        const int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return length > continuation + 1;
    }
    return false;
}

} // namespace

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{
    if (!m_device->isSequential())
        m_bytesTotal = m_device->size() - m_device->pos();
}

CsvReader::CsvReader(const QByteArray &data)
    : m_device(&m_buffer)
{
    m_buffer.setData(data);
    m_buffer.open(QIODevice::ReadOnly);
    m_bytesTotal = data.size();
}

bool CsvReader::fail(const QString &message)
{
    m_error = message;
    m_eof = true;
    m_text.clear();
    m_pos = 0;
    return false;
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (!m_started) {
        m_started = true;
        if (m_bytesTotal > ContactLimits::MaxCsvFileBytes)
            return fail(u"the file is %1 MiB; a CSV file may be at most %2 MiB: split it"_s
                            .arg(QString::number(double(m_bytesTotal) / (1024 * 1024), 'f', 1))
                            .arg(ContactLimits::MaxCsvFileBytes / (1024 * 1024)));
    }
    m_chunk.resize(ChunkBytes);
    const qint64 got = m_device->read(m_chunk.data(), ChunkBytes);
    if (got < 0)
        return fail(u"cannot read the file: "_s + m_device->errorString());
    if (got == 0) {
        m_eof = true;
        if (endsInsideSequence(m_tail))
            return fail(u"the file is not UTF-8 text; save it as \"CSV UTF-8\""_s);
        return false;
    }
    m_chunk.resize(got);
    m_bytesRead += got;
    if (m_bytesRead > ContactLimits::MaxCsvFileBytes)
        return fail(u"the file is larger than %1 MiB, the most a CSV file may be: split it"_s.arg(
            ContactLimits::MaxCsvFileBytes / (1024 * 1024)));
    m_tail = m_chunk.right(4);
    const bool first = m_bytesRead == got;
    m_text = m_decoder.decode(m_chunk);
    m_pos = 0;
    if (m_decoder.hasError())
        return fail(u"the file is not UTF-8 text; save it as \"CSV UTF-8\""_s);
    if (first && m_text.startsWith(QChar(0xFEFF)))
        m_pos = 1;
    return true;
}

QString CsvReader::where() const
{
    const int column = int(m_record.size());
    if (column < m_header.size() && !m_header.at(column).trimmed().isEmpty())
        return u"row %1, column %2"_s.arg(m_row).arg(ContactLimits::shown(m_header.at(column)));
    return u"row %1, column %2"_s.arg(m_row).arg(column + 1);
}

bool CsvReader::append(QChar c)
{
    ++m_operations;
    m_field.append(c);
    if (m_field.size() > ContactLimits::MaxCsvFieldChars)
        return fail(u"%1: a field longer than %2 characters, the most a field may hold"_s.arg(
            where(), QString::number(ContactLimits::MaxCsvFieldChars)));
    if (++m_recordChars > ContactLimits::MaxCsvRowChars)
        return fail(u"row %1: a row longer than %2 characters, the most a row may hold"_s.arg(
            QString::number(m_row), QString::number(ContactLimits::MaxCsvRowChars)));
    return true;
}

bool CsvReader::endField()
{
    m_record.append(m_field);
    m_field.clear();
    if (m_record.size() > ContactLimits::MaxCsvColumns)
        return fail(u"row %1: more than %2 columns, the most a file may have"_s.arg(
            QString::number(m_row), QString::number(ContactLimits::MaxCsvColumns)));
    return true;
}

bool CsvReader::record(QStringList *fields, int *row)
{
    enum class State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted, // a quote inside a quoted field: doubled, or the closing one
        AfterQuote,
    };
    if (!m_error.isEmpty())
        return false;
    State state = State::FieldStart;
    bool quoted = false; // the current field was quoted (a record of one "" is not blank)
    int quoteRow = m_row;
    int recordRow = m_row;
    m_record.clear();
    m_field.clear();
    m_recordChars = 0;
    for (;;) {
        if (m_pos >= m_text.size()) {
            if (fill())
                continue;
            if (!m_error.isEmpty())
                return false;
            break;
        }
        const QChar c = m_text.at(m_pos++);
        ++m_operations;
        if (m_skipLf) {
            m_skipLf = false;
            if (c == u'\n')
                continue;
        }
        if (state == State::QuoteInQuoted) {
            if (c == u'"') {
                if (!append(c))
                    return false;
                state = State::Quoted;
                continue;
            }
            state = State::AfterQuote;
        }
        if (state == State::Quoted) {
            if (c == u'"') {
                state = State::QuoteInQuoted;
            } else {
                if (c == u'\r' || (c == u'\n' && !m_lastWasCr))
                    ++m_row;
                m_lastWasCr = c == u'\r';
                if (!append(c))
                    return false;
            }
            continue;
        }
        if (c == u',') {
            if (!endField())
                return false;
            state = State::FieldStart;
            quoted = false;
        } else if (c == u'\r' || c == u'\n') {
            m_skipLf = c == u'\r';
            if (!endField())
                return false;
            ++m_row;
            if (m_record.size() == 1 && m_record.first().isEmpty() && !quoted) {
                // A blank line: no record; the next one starts on the next line.
                m_record.clear();
                state = State::FieldStart;
                recordRow = quoteRow = m_row;
                continue;
            }
            *fields = std::move(m_record);
            *row = recordRow;
            m_record.clear();
            return true;
        } else if (state == State::AfterQuote) {
            return fail(u"row %1: text after a closing quote in field %2; a quote inside a "
                        u"quoted field is written twice (\"\")"_s.arg(m_row)
                            .arg(m_record.size() + 1));
        } else if (c == u'"') {
            if (state == State::Unquoted)
                return fail(u"row %1: a quote inside unquoted field %2; quote the whole field "
                            u"and double the quote (\"\")"_s.arg(m_row)
                                .arg(m_record.size() + 1));
            state = State::Quoted;
            quoted = true;
            quoteRow = m_row;
            m_lastWasCr = false;
        } else {
            if (!append(c))
                return false;
            state = State::Unquoted;
        }
    }
    if (state == State::Quoted)
        return fail(u"row %1: a quoted field is never closed"_s.arg(quoteRow));
    if (m_field.isEmpty() && m_record.isEmpty() && !quoted)
        return false;
    if (!endField())
        return false;
    *fields = std::move(m_record);
    *row = recordRow;
    m_record.clear();
    return true;
}

bool CsvReader::readHeader()
{
    int row = 0;
    if (!record(&m_header, &row)) {
        if (m_error.isEmpty())
            m_error = u"the file is empty: it needs a header row naming its columns"_s;
        return false;
    }
    QHash<QString, int> seen;
    for (int c = 0; c < m_header.size(); ++c) {
        const QString name = m_header.at(c).trimmed();
        if (const QString problem = ContactLimits::check(u"the name of column %1"_s.arg(c + 1),
                                                         name, ContactLimits::MaxCsvFieldChars);
            !problem.isEmpty())
            return fail(u"row %1: %2"_s.arg(row).arg(problem));
        if (name.isEmpty())
            continue;
        const auto earlier = seen.constFind(name.toCaseFolded());
        if (earlier != seen.cend())
            return fail(u"row %1: the column \"%2\" appears twice (columns %3 and %4); each "
                        u"column needs its own name"_s.arg(row)
                            .arg(ContactLimits::shown(name))
                            .arg(*earlier + 1)
                            .arg(c + 1));
        seen.insert(name.toCaseFolded(), c);
    }
    return true;
}

bool CsvReader::next(QStringList *fields, int *row)
{
    return record(fields, row);
}
