#include "SendFailure.h"

#include <algorithm>
#include <array>

bool SendFailure::isPermanent(int errorCode)
{
    static constexpr std::array codes{21211, 21212, 21606, 21610, 21612,
                                      21614, 21617, 30005, 30006};
    return std::find(codes.begin(), codes.end(), errorCode) != codes.end();
}

bool SendFailure::canRetry(const QString &status, int errorCode)
{
    return (status == u"failed" || status == u"undelivered") && !isPermanent(errorCode);
}
