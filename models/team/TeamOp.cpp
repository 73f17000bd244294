#include "TeamOp.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

QJsonObject TeamOp::toJson() const
{
    return QJsonObject{{u"id"_s, id},         {u"agent"_s, agent}, {u"desk"_s, desk},
                       {u"at"_s, double(at)}, {u"kind"_s, kind},   {u"target"_s, target},
                       {u"fields"_s, fields}};
}

std::optional<TeamOp> TeamOp::fromJson(const QJsonObject &json)
{
    const auto text = [&json](const QString &key) { return json.value(key).toString(); };
    if (!json.value(u"id"_s).isString() || !json.value(u"kind"_s).isString() ||
        !json.value(u"target"_s).isString() || text(u"id"_s).isEmpty() || text(u"kind"_s).isEmpty())
        return std::nullopt;
    if (json.contains(u"fields"_s) && !json.value(u"fields"_s).isObject())
        return std::nullopt;
    TeamOp op;
    op.id = text(u"id"_s);
    op.agent = text(u"agent"_s);
    op.desk = text(u"desk"_s);
    op.at = qint64(json.value(u"at"_s).toDouble());
    op.kind = text(u"kind"_s);
    op.target = text(u"target"_s);
    op.fields = json.value(u"fields"_s).toObject();
    return op;
}

qsizetype TeamOp::encodedSize() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact).size();
}

QString TeamOp::threadTarget(const QString &customer, const QString &ourNumber)
{
    return customer + u'|' + ourNumber;
}

bool TeamOp::splitThreadTarget(const QString &target, QString *customer, QString *ourNumber)
{
    const qsizetype bar = target.indexOf(u'|');
    if (bar <= 0 || bar == target.size() - 1 || target.indexOf(u'|', bar + 1) >= 0)
        return false;
    *customer = target.left(bar);
    *ourNumber = target.mid(bar + 1);
    return true;
}
