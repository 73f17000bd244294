#include "SendReconciler.h"

#include "AppLogging.h"
#include "StoreWriter.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace {

// Smart Encoding's common replacements, applied to both sides before comparing: a body the
// provider rewrote still matches the one composed here, and nothing else does.
QString foldSmartEncoding(const QString &text)
{
    static const QHash<char16_t, QString> folds = {
        {u'\u201C', u"\""_s},  {u'\u201D', u"\""_s},   {u'\u201E', u"\""_s},
        {u'\u201F', u"\""_s},  {u'\u00AB', u"\""_s},   {u'\u00BB', u"\""_s},
        {u'\uFF02', u"\""_s},  {u'\u2018', u"'"_s},    {u'\u2019', u"'"_s},
        {u'\u201A', u","_s},   {u'\u201B', u"'"_s},    {u'\u02BC', u"'"_s},
        {u'\u00B4', u"'"_s},   {u'\u0060', u"'"_s},    {u'\uFF07', u"'"_s},
        {u'\u2010', u"-"_s},   {u'\u2013', u"-"_s},    {u'\u2014', u"-"_s},
        {u'\u2015', u"-"_s},   {u'\uFF0D', u"-"_s},    {u'\u2026', u"..."_s},
        {u'\u00A0', u" "_s},   {u'\u2002', u" "_s},    {u'\u2003', u" "_s},
        {u'\u2009', u" "_s},   {u'\u200A', u" "_s},    {u'\u202F', u" "_s},
        {u'\u3000', u" "_s},   {u'\u200B', QString()}, {u'\uFEFF', QString()},
        {u'\u00BD', u"1/2"_s}, {u'\u00BC', u"1/4"_s},  {u'\u00BE', u"3/4"_s},
        {u'\u00F7', u"/"_s},   {u'\uFF01', u"!"_s},
    };
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const auto it = folds.constFind(c.unicode());
        if (it == folds.constEnd())
            out += c;
        else
            out += *it;
    }
    return out;
}

} // namespace

QString SendReconciler::trialPrefix()
{
    return u"Sent from your Twilio trial account - "_s;
}

bool SendReconciler::sameBody(const QString &composed, const QString &listed)
{
    if (listed == composed)
        return true;
    QString provider = listed;
    if (provider.startsWith(trialPrefix()) && !composed.startsWith(trialPrefix()))
        provider = provider.mid(trialPrefix().size());
    return foldSmartEncoding(provider) == foldSmartEncoding(composed);
}

qint64 SendReconciler::windowStartMs(qint64 attemptMs, std::optional<qint64> providerOffsetMs,
                                     std::chrono::milliseconds skew)
{
    // With the provider's clock known, its date_created of our create is at or after the
    // attempt on that clock; both have whole seconds, so two seconds of margin suffice and a
    // message created earlier (another profile's identical text) is never taken for ours.
    if (providerOffsetMs)
        return attemptMs + *providerOffsetMs - ProviderClockMarginMs;
    return attemptMs - skew.count();
}

SendReconciler::SendReconciler(ProviderClient *client, StoreWriter *writer, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_writer(writer)
{}

void SendReconciler::reconcile(const OutboxRow &row, Done done)
{
    MessageFilter filter;
    // No DateSent filter: a message the provider still queues has no date_sent.
    filter.to = row.to;
    filter.from = row.from;
    filter.pageSize = 50;
    m_client->listMessages(
        filter, this, [this, row, done](const ProviderResult<MessagePage> &result) {
            if (!result.ok()) {
                done(Outcome{std::nullopt, result.error()});
                return;
            }
            // Judged with the provider's clock as this very answer gave it.
            const qint64 since = windowStartMs(row.lastAttemptAt.value_or(0),
                                               m_client->providerClockOffsetMs(), m_skew);
            QList<ProviderMessage> candidates;
            for (const ProviderMessage &message : result.value().items) {
                if (!sameBody(row.body, message.body) ||
                    !message.direction.startsWith(u"outbound"_s))
                    continue;
                if (message.dateCreated.isValid() &&
                    message.dateCreated.toMSecsSinceEpoch() < since)
                    continue;
                candidates.append(message);
            }
            if (candidates.isEmpty()) {
                done(Outcome{});
                return;
            }
            // Oldest matching first: two identical texts sent back to back are claimed in
            // the order they were queued.
            std::reverse(candidates.begin(), candidates.end());
            const QString ref = row.clientRef;
            m_writer->post(
                [candidates, ref](WriterContext &context) -> std::optional<ProviderMessage> {
                    auto rows = context.repo<OutboxRows>();
                    for (const ProviderMessage &message : candidates) {
                        if (!rows.sidTakenByOther(message.sid, ref))
                            return message;
                    }
                    return std::nullopt;
                },
                this,
                [done](std::optional<ProviderMessage> found) {
                    qCDebug(lcOutbox) << "reconciled:" << (found ? found->sid : u"not found"_s);
                    done(Outcome{std::move(found), std::nullopt});
                });
        });
}
