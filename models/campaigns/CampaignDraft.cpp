#include "CampaignDraft.h"

using namespace Qt::StringLiterals;

QString CampaignDraft::scheduleToString(ScheduleKind kind)
{
    switch (kind) {
    case ScheduleKind::Now:
        return u"now"_s;
    case ScheduleKind::AccountTime:
        return u"account_time"_s;
    case ScheduleKind::RecipientLocal:
        return u"recipient_local"_s;
    }
    return {};
}

bool CampaignDraft::scheduleFromString(QStringView text, ScheduleKind *kind)
{
    for (ScheduleKind k :
         {ScheduleKind::Now, ScheduleKind::AccountTime, ScheduleKind::RecipientLocal}) {
        if (text == scheduleToString(k)) {
            *kind = k;
            return true;
        }
    }
    return false;
}
