#include "StoreLogging.h"

Q_LOGGING_CATEGORY(lcStore, "smsdesk.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "smsdesk.models", QtInfoMsg)
