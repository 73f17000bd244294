#include "SyncCursor.h"

#include "WriterContext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

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
    QSqlQuery query(context.db());
    query.prepare(u"SELECT cursor FROM sync_cursors WHERE account_id = ? AND stream = ?"_s);
    query.addBindValue(accountId);
    query.addBindValue(kStream);
    if (!query.exec()) {
        if (error)
            *error = u"cannot read sync cursor: "_s + query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return fromJson(query.value(0).toString().toUtf8(), error);
}

bool SyncCursor::save(WriterContext &context, qint64 accountId, const SyncCursor &cursor,
                      QString *error)
{
    QSqlQuery query(context.db());
    query.prepare(u"INSERT INTO sync_cursors (account_id, stream, cursor, updated_at) "
                  "VALUES (?, ?, ?, ?) ON CONFLICT (account_id, stream) DO UPDATE SET "
                  "cursor = excluded.cursor, updated_at = excluded.updated_at"_s);
    query.addBindValue(accountId);
    query.addBindValue(kStream);
    query.addBindValue(QString::fromUtf8(cursor.toJson()));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        if (error)
            *error = u"cannot save sync cursor: "_s + query.lastError().text();
        return false;
    }
    return true;
}
