#include "TeamOpPacker.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

qsizetype TeamOpPacker::encodedSize(const QJsonValue &value)
{
    // A value alone in an array: the array's brackets are the only bytes that are not its own.
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).size() - 2;
}

QList<TeamOp> TeamOpPacker::packObject(const QString &kind, const QString &key,
                                       const QList<std::pair<QString, QJsonValue>> &entries,
                                       qsizetype budget)
{
    QList<TeamOp> ops;
    QJsonObject current;
    QString first;
    qsizetype size = 0;
    const auto emptySize = [&](const QString &target) {
        TeamOp op;
        op.kind = kind;
        op.target = target;
        op.fields = {{key, QJsonObject()}};
        return op.encodedSize();
    };
    const auto flush = [&] {
        if (current.isEmpty())
            return;
        TeamOp op;
        op.kind = kind;
        op.target = first;
        op.fields = {{key, current}};
        ops.append(op);
        current = {};
        first.clear();
    };
    for (const auto &[name, value] : entries) {
        // "name":value, plus a comma when not the first.
        const qsizetype entry = encodedSize(name) + 1 + encodedSize(value);
        if (!current.isEmpty() && size + 1 + entry > budget)
            flush();
        if (current.isEmpty()) {
            first = name;
            size = emptySize(name) + entry;
        } else {
            size += 1 + entry;
        }
        current.insert(name, value);
    }
    flush();
    return ops;
}

QList<TeamOp> TeamOpPacker::packArray(const QString &kind, const QString &target,
                                      const QString &key, const QJsonArray &entries,
                                      qsizetype budget)
{
    TeamOp empty;
    empty.kind = kind;
    empty.target = target;
    empty.fields = {{key, QJsonArray()}};
    const qsizetype base = empty.encodedSize();
    QList<TeamOp> ops;
    QJsonArray current;
    qsizetype size = base;
    const auto flush = [&] {
        if (current.isEmpty())
            return;
        TeamOp op = empty;
        op.fields = {{key, current}};
        ops.append(op);
        current = {};
        size = base;
    };
    for (const QJsonValue &value : entries) {
        const qsizetype entry = encodedSize(value);
        if (!current.isEmpty() && size + 1 + entry > budget)
            flush();
        size += (current.isEmpty() ? 0 : 1) + entry;
        current.append(value);
    }
    flush();
    return ops;
}
