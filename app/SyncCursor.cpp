#include "SyncCursor.h"

#include "SyncCursorRows.h"
#include "WriterContext.h"

#include <QDateTime>
#include <QJsonArray>
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
        if (parallel) {
            object.insert(u"parallel"_s, true);
            QJsonArray list;
            for (const Range &range : ranges) {
                list.append(QJsonObject{{u"from"_s, range.from.toString(Qt::ISODate)},
                                        {u"to"_s, range.to.toString(Qt::ISODate)},
                                        {u"next"_s, range.nextPageUri}});
            }
            object.insert(u"ranges"_s, list);
            object.insert(u"next_range_to"_s, nextRangeTo.toString(Qt::ISODate));
            object.insert(u"history_end"_s, historyEnd);
        }
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
        cursor.parallel = object.value(u"parallel"_s).toBool();
        if (cursor.parallel) {
            for (const QJsonValue &value : object.value(u"ranges"_s).toArray()) {
                const QJsonObject range = value.toObject();
                Range r{QDate::fromString(range.value(u"from"_s).toString(), Qt::ISODate),
                        QDate::fromString(range.value(u"to"_s).toString(), Qt::ISODate),
                        range.value(u"next"_s).toString()};
                if (!r.from.isValid())
                    return bad(u"a range without a valid \"from\" day"_s);
                cursor.ranges.append(r);
            }
            cursor.nextRangeTo =
                QDate::fromString(object.value(u"next_range_to"_s).toString(), Qt::ISODate);
            cursor.historyEnd = object.value(u"history_end"_s).toBool();
            if (!cursor.nextRangeTo.isValid() && !cursor.historyEnd)
                return bad(u"a parallel cursor without \"next_range_to\""_s);
        }
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
