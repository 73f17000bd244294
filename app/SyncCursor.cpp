#include "SyncCursor.h"

#include "SyncCursorRows.h"
#include "WriterContext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

QByteArray SyncCursor::toJson() const
{
    QJsonObject object;
    object.insert(u"newest_ms"_s, newestMs);
    if (phase == Phase::Full) {
        object.insert(u"phase"_s, u"full"_s);
        object.insert(u"next_page_uri"_s, nextPageUri);
    } else {
        object.insert(u"phase"_s, u"incremental"_s);
        object.insert(u"day"_s, day.toString(Qt::ISODate));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<SyncCursor> SyncCursor::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    auto bad = [&](const QString &why) -> std::optional<SyncCursor> {
        if (error)
            *error = u"stored sync cursor is unusable: "_s + why;
        return std::nullopt;
    };
    if (!doc.isObject())
        return bad(u"not a JSON object ("_s + parseError.errorString() + u')');
    const QJsonObject object = doc.object();
    SyncCursor cursor;
    cursor.newestMs = qint64(object.value(u"newest_ms"_s).toDouble());
    const QString phase = object.value(u"phase"_s).toString();
    if (phase == u"full"_s) {
        cursor.phase = Phase::Full;
        cursor.nextPageUri = object.value(u"next_page_uri"_s).toString();
    } else if (phase == u"incremental"_s) {
        cursor.phase = Phase::Incremental;
        cursor.day = QDate::fromString(object.value(u"day"_s).toString(), Qt::ISODate);
        if (!cursor.day.isValid())
            return bad(u"incremental cursor without a valid \"day\" (YYYY-MM-DD)"_s);
    } else {
        return bad(u"unknown phase \""_s + phase + u"\" (expected full or incremental)"_s);
    }
    return cursor;
}

std::optional<SyncCursor> SyncCursor::load(WriterContext &context, qint64 accountId, QString *error)
{
    auto rows = context.repo<SyncCursorRows>();
    const std::optional<QString> stored = rows.load(accountId, kStream);
    if (!stored) {
        if (error && !rows.errorString().isEmpty())
            *error = rows.errorString();
        return std::nullopt;
    }
    return fromJson(stored->toUtf8(), error);
}

bool SyncCursor::save(WriterContext &context, qint64 accountId, const SyncCursor &cursor,
                      QString *error)
{
    auto rows = context.repo<SyncCursorRows>();
    if (rows.save(accountId, kStream, QString::fromUtf8(cursor.toJson()),
                  QDateTime::currentMSecsSinceEpoch()))
        return true;
    if (error)
        *error = rows.errorString();
    return false;
}
