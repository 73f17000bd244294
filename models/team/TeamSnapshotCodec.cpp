#include "TeamSnapshotCodec.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

using namespace Qt::StringLiterals;

namespace {

constexpr int Version = 1;

} // namespace

QList<QJsonObject> TeamSnapshotCodec::encode(const QList<TeamLogWriter::LogItem> &entries)
{
    QJsonArray array;
    for (const TeamLogWriter::LogItem &entry : entries)
        array.append(QJsonArray{double(entry.index), entry.data});
    // Ops repeat their keys and numbers: zlib takes a 100,000-thread team from ~20 MB to a
    // few, so a snapshot is a few hundred items rather than thousands.
    const QByteArray packed =
        qCompress(QJsonDocument(array).toJson(QJsonDocument::Compact), 9).toBase64();
    const qsizetype count = qMax<qsizetype>(1, (packed.size() + PartChars - 1) / PartChars);
    QList<QJsonObject> parts;
    parts.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        parts.append({{u"v"_s, Version},
                      {u"part"_s, double(i)},
                      {u"of"_s, double(count)},
                      {u"z"_s, QString::fromLatin1(packed.mid(i * PartChars, PartChars))}});
    }
    return parts;
}

std::optional<QList<TeamLogWriter::LogItem>>
TeamSnapshotCodec::decode(const QList<QJsonObject> &parts, QString *error)
{
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (parts.isEmpty())
        return failed(u"the snapshot has no parts"_s);
    QMap<int, QByteArray> pieces;
    const int count = parts.first().value(u"of"_s).toInt();
    for (const QJsonObject &part : parts) {
        if (part.value(u"v"_s).toInt() != Version)
            return failed(u"the snapshot was written by another version (%1)"_s.arg(
                part.value(u"v"_s).toInt()));
        const int index = part.value(u"part"_s).toInt(-1);
        if (part.value(u"of"_s).toInt() != count || index < 0 || index >= count ||
            pieces.contains(index) || !part.value(u"z"_s).isString())
            return failed(u"the snapshot's part %1 is not one of %2"_s.arg(index).arg(count));
        pieces.insert(index, part.value(u"z"_s).toString().toLatin1());
    }
    if (pieces.size() != count)
        return failed(u"the snapshot has %1 of its %2 parts"_s.arg(pieces.size()).arg(count));
    QByteArray packed;
    for (const QByteArray &piece : std::as_const(pieces))
        packed += piece;
    const QByteArray json = qUncompress(QByteArray::fromBase64(packed));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (json.isEmpty() || !document.isArray())
        return failed(u"the snapshot cannot be read: "_s + parseError.errorString());
    QList<TeamLogWriter::LogItem> entries;
    const QJsonArray array = document.array();
    entries.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonArray pair = value.toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isObject())
            return failed(u"the snapshot holds an entry that is not an op"_s);
        entries.append({qint64(pair.at(0).toDouble()), pair.at(1).toObject()});
    }
    return entries;
}
