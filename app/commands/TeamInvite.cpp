#include "TeamInvite.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
const QString Prefix = u"smsdesk-invite:"_s;
constexpr auto Encoding = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

QString TeamInvite::toText() const
{
    const QJsonObject json{{u"a"_s, agentId}, {u"n"_s, name}, {u"r"_s, role}, {u"c"_s, code}};
    return Prefix + QString::fromLatin1(
                        QJsonDocument(json).toJson(QJsonDocument::Compact).toBase64(Encoding));
}

std::optional<TeamInvite> TeamInvite::fromText(const QString &text)
{
    QString compact = text;
    compact.remove(u' ').remove(u'\n').remove(u'\r').remove(u'\t');
    if (!compact.startsWith(Prefix))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        compact.mid(Prefix.size()).toLatin1(), Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(*decoded).object();
    TeamInvite invite;
    invite.agentId = json.value(u"a"_s).toString();
    invite.name = json.value(u"n"_s).toString().trimmed();
    invite.role = json.value(u"r"_s).toString();
    invite.code = json.value(u"c"_s).toString();
    if (invite.agentId.isEmpty() || invite.name.isEmpty() || invite.code.isEmpty() ||
        (invite.role != u"agent" && invite.role != u"marketer" && invite.role != u"admin"))
        return std::nullopt;
    return invite;
}

TeamInvite TeamInvite::create(const QString &name, const QString &role)
{
    TeamInvite invite;
    invite.agentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    invite.name = name.trimmed();
    invite.role = role;
    QByteArray secret(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / int(sizeof(quint32)));
    invite.code = QString::fromLatin1(secret.toBase64(Encoding));
    return invite;
}
