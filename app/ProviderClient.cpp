#include "ProviderClient.h"

ProviderClient::ProviderClient(QObject *parent)
    : QObject(parent)
{}

ProviderClient::~ProviderClient() = default;
