#include "SenderNumberSync.h"

#include "AppLogging.h"
#include "ProviderClient.h"
#include "StoreWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
// A null QString binds as SQL NULL; these columns are NOT NULL with '' for "none".
QString text(const QString &value)
{
    return value.isNull() ? u""_s : value;
}
} // namespace

SenderNumberSync::SenderNumberSync(qint64 accountId, ProviderClient *client, StoreWriter *writer,
                                   QObject *parent)
    : QObject(parent)
    , m_accountId(accountId)
    , m_client(client)
    , m_writer(writer)
{}

QString SenderNumberSync::kindOf(const ProviderNumber &number)
{
    if (number.kind == ProviderNumber::Kind::ShortCode)
        return u"short_code"_s;
    static const QStringList tollFree = {u"+1800"_s, u"+1833"_s, u"+1844"_s, u"+1855"_s,
                                         u"+1866"_s, u"+1877"_s, u"+1888"_s};
    for (const QString &prefix : tollFree) {
        if (number.number.startsWith(prefix) && number.number.size() == 12)
            return u"toll_free"_s;
    }
    return u"long_code"_s;
}

double SenderNumberSync::defaultThroughput(const QString &kind)
{
    if (kind == u"short_code"_s)
        return 100.0;
    if (kind == u"toll_free"_s)
        return 3.0;
    return 1.0;
}

void SenderNumberSync::run()
{
    m_client->listIncomingNumbers(this, [this](
                                            const ProviderResult<QList<ProviderNumber>> &phones) {
        if (!phones.ok()) {
            Q_EMIT failed(phones.error());
            return;
        }
        const QList<ProviderNumber> phoneList = phones.value();
        m_client->listShortCodes(this, [this, phoneList](
                                           const ProviderResult<QList<ProviderNumber>> &codes) {
            if (!codes.ok()) {
                Q_EMIT failed(codes.error());
                return;
            }
            QList<ProviderNumber> all = phoneList + codes.value();
            const qint64 accountId = m_accountId;
            m_writer->post(
                [accountId, all](WriterContext &context) { return store(context, accountId, all); },
                this, [this](const Result &result) { Q_EMIT finished(result); });
        });
    });
}

SenderNumberSync::Result SenderNumberSync::store(WriterContext &context, qint64 accountId,
                                                 const QList<ProviderNumber> &numbers)
{
    Result result;
    QSqlDatabase db = context.db();
    auto failWith = [&](const QSqlQuery &query) {
        result = Result();
        result.storeError = u"cannot store sender numbers: "_s + query.lastError().text();
        db.rollback();
        return result;
    };
    db.transaction();
    QSqlQuery find(db);
    find.prepare(u"SELECT id, account_id FROM sender_numbers WHERE number = ?"_s);
    QSqlQuery update(db);
    update.prepare(u"UPDATE sender_numbers SET provider_sid = ?, capabilities = ? WHERE id = ? "
                   "AND (provider_sid <> ? OR capabilities <> ?)"_s);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO sender_numbers (account_id, number, kind, provider_sid, label, "
                   "throughput_mps, capabilities) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (const ProviderNumber &number : numbers) {
        const bool sms = number.kind == ProviderNumber::Kind::ShortCode || number.sms;
        const QString capabilities = QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{u"sms"_s, sms}, {u"mms"_s, number.mms}, {u"voice"_s, number.voice}})
                .toJson(QJsonDocument::Compact));
        find.addBindValue(number.number);
        if (!find.exec())
            return failWith(find);
        if (find.next()) {
            const qint64 id = find.value(0).toLongLong();
            const qint64 owner = find.value(1).toLongLong();
            find.finish();
            if (owner != accountId) {
                qCWarning(lcSync) << "sender number" << number.number
                                  << "belongs to another account; left there";
                result.inOtherAccount.append(number.number);
                continue;
            }
            update.addBindValue(text(number.sid));
            update.addBindValue(capabilities);
            update.addBindValue(id);
            update.addBindValue(text(number.sid));
            update.addBindValue(capabilities);
            if (!update.exec())
                return failWith(update);
            if (update.numRowsAffected() > 0)
                ++result.updated;
            continue;
        }
        find.finish();
        const QString kind = kindOf(number);
        insert.addBindValue(accountId);
        insert.addBindValue(number.number);
        insert.addBindValue(kind);
        insert.addBindValue(text(number.sid));
        insert.addBindValue(text(number.friendlyName));
        insert.addBindValue(defaultThroughput(kind));
        insert.addBindValue(capabilities);
        if (!insert.exec())
            return failWith(insert);
        ++result.added;
    }
    if (!db.commit()) {
        result = Result();
        result.storeError = u"cannot commit sender numbers: "_s + db.lastError().text();
        db.rollback();
    }
    return result;
}
