#include "StoreReader.h"

StoreReader::StoreReader(const QString &profilePath)
    : m_database(profilePath)
{}

bool StoreReader::open()
{
    return m_database.open();
}
