#include "AppLogging.h"

Q_LOGGING_CATEGORY(lcProvider, "smsdesk.provider", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "smsdesk.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "smsdesk.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "smsdesk.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSettings, "smsdesk.settings", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCampaign, "smsdesk.campaign", QtInfoMsg)
