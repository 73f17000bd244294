// An in-memory team log shared by several TeamLog engines in one test process (one per
// "desktop"), with faults to inject: refused appends, appends whose answer is lost, reads that
// fail. Answers come asynchronously, as a provider's do.
#pragma once

#include "ProviderError.h"
#include "TeamLogTransport.h"

#include <QTimer>

#include <memory>

class MemoryTeamLog
{
public:
    QList<TeamLogTransport::Item> items;
    qint64 nextIndex = 0;
    int refuseAppends = 0;     // the next N appends answer 429/54009 and append nothing
    int loseAppendAnswers = 0; // the next N appends append, then answer a lost connection
    int failReads = 0;         // the next N reads answer 503
    int appendCalls = 0;
    int readCalls = 0;

    // Items expire oldest first, as the log's 30-day items do; indexes are never reused.
    void expireThrough(qint64 index)
    {
        items.removeIf([index](const TeamLogTransport::Item &item) { return item.index <= index; });
    }

    static ProviderError rateLimited()
    {
        return ProviderError::fromHttpResponse(
            429, R"({"code": 54009, "message": "Rate limit exceeded", "status": 429})", {}, true);
    }
};

class MemoryTeamLogTransport : public TeamLogTransport
{
public:
    explicit MemoryTeamLogTransport(std::shared_ptr<MemoryTeamLog> log)
        : m_log(std::move(log))
    {}

    int failReads = 0; // this desktop's next N reads answer 503 (the others' still work)

    void open(QObject *context, ProviderCallback<ProviderDone> done) override
    {
        later(context, [done] { done(ProviderDone{}); });
    }

    void append(const QJsonObject &data, QObject *context, ProviderCallback<qint64> done) override
    {
        ++m_log->appendCalls;
        if (m_log->refuseAppends > 0) {
            --m_log->refuseAppends;
            later(context, [done] { done(MemoryTeamLog::rateLimited()); });
            return;
        }
        const qint64 index = m_log->nextIndex++;
        m_log->items.append({index, data});
        if (m_log->loseAppendAnswers > 0) {
            --m_log->loseAppendAnswers;
            later(context, [done] {
                done(ProviderError::fromNetworkError(QNetworkReply::RemoteHostClosedError,
                                                     QStringLiteral("connection closed"), true));
            });
            return;
        }
        later(context, [done, index] { done(index); });
    }

    void readAfter(qint64 after, int pageSize, QObject *context,
                   ProviderCallback<Page> done) override
    {
        ++m_log->readCalls;
        if (failReads > 0 || m_log->failReads > 0) {
            --(failReads > 0 ? failReads : m_log->failReads);
            later(context, [done] {
                done(ProviderError::fromHttpResponse(503, "Service Unavailable", {}, false));
            });
            return;
        }
        Page page;
        for (const Item &item : std::as_const(m_log->items)) {
            if (item.index <= after)
                continue;
            if (page.items.size() == pageSize) {
                page.more = true;
                break;
            }
            page.items.append(item);
        }
        later(context, [done, page] { done(page); });
    }

private:
    template<typename F>
    static void later(QObject *context, F f)
    {
        QTimer::singleShot(0, context, std::move(f));
    }

    std::shared_ptr<MemoryTeamLog> m_log;
};
