// The sandbox's request decoding: the first line is the query string, the rest a form body;
// decoded as the server decodes them, then paging and date filters read from them.
#include "ApiRequest.h"
#include "FuzzInput.h"
#include "PageEnvelope.h"
#include "SandboxHttpServer.h"
#include "WireFormat.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytes(data, size);
    const qsizetype newline = bytes.indexOf('\n');
    sandbox::ApiRequest request;
    request.method = "GET";
    request.query = QUrlQuery(QString::fromUtf8(newline < 0 ? bytes : bytes.left(newline)));
    request.form =
        sandbox::SandboxHttpServer::decodeForm(newline < 0 ? QByteArray() : bytes.mid(newline + 1));
    const sandbox::PageEnvelope::Paging paging = sandbox::PageEnvelope::parse(request, 1000);
    if (paging.error.isEmpty()) {
        (void)sandbox::PageEnvelope::v2010(QStringLiteral("/Messages.json"), {},
                                           QStringLiteral("messages"), {}, paging, {}, {});
    }
    for (const QString &name :
         {QStringLiteral("DateSent"), QStringLiteral("DateSent<"), QStringLiteral("DateSent>")}) {
        qint64 ms = 0;
        bool dateOnly = false;
        (void)sandbox::WireFormat::parseDateFilter(request.param(name), &ms, &dateOnly);
    }
    return 0;
}
