#include "ProviderNumberRows.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {
// A null QString binds as SQL NULL; these columns are NOT NULL with '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}
} // namespace

ProviderNumberRows::ProviderNumberRows(QSqlDatabase db)
    : m_db(std::move(db))
{}

QString ProviderNumberRows::capabilitiesJson(const Listed &number)
{
    return QString::fromUtf8(
        QJsonDocument(
            QJsonObject{{u"sms"_s, number.sms}, {u"mms"_s, number.mms}, {u"voice"_s, number.voice}})
            .toJson(QJsonDocument::Compact));
}

std::optional<ProviderNumberRows::Outcome> ProviderNumberRows::store(qint64 accountId,
                                                                     const QList<Listed> &numbers)
{
    m_error.clear();
    auto failWith = [this](const QString &what) -> std::optional<Outcome> {
        m_error = u"cannot store sender numbers: "_s + what;
        m_db.rollback();
        return std::nullopt;
    };
    if (!m_db.transaction())
        return failWith(m_db.lastError().text());
    QSqlQuery find(m_db);
    find.prepare(u"SELECT id, account_id FROM sender_numbers WHERE number = :number"_s);
    QSqlQuery update(m_db);
    // Only a real change is written, so an unchanged list publishes no change.
    update.prepare(u"UPDATE sender_numbers SET provider_sid = :sid, capabilities = :caps "
                   u"WHERE id = :id AND (provider_sid <> :sid OR capabilities <> :caps)"_s);
    QSqlQuery insert(m_db);
    insert.prepare(u"INSERT INTO sender_numbers (account_id, number, kind, provider_sid, label, "
                   u"throughput_mps, capabilities) VALUES (:account, :number, :kind, :sid, "
                   u":label, :mps, :caps)"_s);
    Outcome outcome;
    for (const Listed &number : numbers) {
        const QString capabilities = capabilitiesJson(number);
        find.bindValue(u":number"_s, number.number);
        if (!find.exec())
            return failWith(find.lastError().text());
        if (find.next()) {
            const qint64 id = find.value(0).toLongLong();
            const qint64 owner = find.value(1).toLongLong();
            find.finish();
            if (owner != accountId) {
                outcome.inOtherAccount.append(number.number);
                continue;
            }
            update.bindValue(u":sid"_s, text(number.providerSid));
            update.bindValue(u":caps"_s, capabilities);
            update.bindValue(u":id"_s, id);
            if (!update.exec())
                return failWith(update.lastError().text());
            if (update.numRowsAffected() > 0)
                ++outcome.updated;
            continue;
        }
        find.finish();
        insert.bindValue(u":account"_s, accountId);
        insert.bindValue(u":number"_s, number.number);
        insert.bindValue(u":kind"_s, number.kind);
        insert.bindValue(u":sid"_s, text(number.providerSid));
        insert.bindValue(u":label"_s, text(number.label));
        insert.bindValue(u":mps"_s, number.throughputMps);
        insert.bindValue(u":caps"_s, capabilities);
        if (!insert.exec())
            return failWith(insert.lastError().text());
        ++outcome.added;
    }
    if (!m_db.commit()) {
        m_error = u"cannot commit sender numbers: "_s + m_db.lastError().text();
        m_db.rollback();
        return std::nullopt;
    }
    return outcome;
}
