#include "TeamOp.h"

#include <QDateTime>
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

TeamOp TeamOp::consent(const ConsentEvent &event)
{
    TeamOp op;
    op.agent = event.actor;
    op.at = event.occurredAt.toMSecsSinceEpoch();
    op.kind = event.kind == ConsentEvent::Kind::OptOut ? u"consent.opt_out"_s : u"consent.opt_in"_s;
    op.target = event.contactNumber;
    op.fields = {{u"customer"_s, event.contactNumber},
                 {u"our"_s, event.senderNumber},
                 {u"source"_s, ConsentEvent::sourceToString(event.source)},
                 {u"detail"_s, event.detail},
                 {u"copy"_s, event.optInCopy},
                 {u"by"_s, event.actor}};
    // A keyword's consent names its inbound message: every ledger holds it once.
    if (!event.messageSid.isEmpty())
        op.fields.insert(u"sid"_s, event.messageSid);
    return op;
}

ConsentEvent TeamOp::consentEvent(const TeamOp &op)
{
    ConsentEvent event;
    event.contactNumber = op.fields.value(u"customer"_s).toString();
    event.senderNumber = op.fields.value(u"our"_s).toString(u""_s);
    event.kind =
        op.kind == u"consent.opt_out"_s ? ConsentEvent::Kind::OptOut : ConsentEvent::Kind::OptIn;
    event.source = ConsentEvent::sourceFromString(op.fields.value(u"source"_s).toString())
                       .value_or(ConsentEvent::Source::Agent);
    event.detail = op.fields.value(u"detail"_s).toString(u""_s);
    event.optInCopy = op.fields.value(u"copy"_s).toString(u""_s);
    event.messageSid = op.fields.value(u"sid"_s).toString(u""_s);
    event.actor = op.fields.value(u"by"_s).toString(op.agent);
    event.occurredAt = QDateTime::fromMSecsSinceEpoch(op.at, Qt::UTC);
    event.teamOpId = op.id;
    return event;
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
