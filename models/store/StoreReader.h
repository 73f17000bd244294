// A read connection of the profile for the thread that opens it: the GUI thread's views, or a
// worker's reports. Read models and queries of models/ are made from it, so code outside
// models/ never handles the connection (WAL lets it read while the writer writes).
#pragma once

#include "Database.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <utility>

class StoreReader
{
public:
    explicit StoreReader(const QString &profilePath);

    StoreReader(const StoreReader &) = delete;
    StoreReader &operator=(const StoreReader &) = delete;

    // Opens (and, for a new file, creates and migrates) the profile; false with
    // errorString() on failure.
    bool open();
    QString errorString() const { return m_database.errorString(); }
    QString profilePath() const { return m_database.filePath(); }

    // A query or read model of models/ on this connection; extra arguments follow the
    // connection in its constructor: `reader.make<AccountRows>().list()`.
    template<typename Query, typename... Args>
    Query make(Args &&...args) const
    {
        return Query(m_database.connection(), std::forward<Args>(args)...);
    }
    // The same, owned by the caller (item models, long-lived queries).
    template<typename Query, typename... Args>
    std::unique_ptr<Query> create(Args &&...args) const
    {
        return std::make_unique<Query>(m_database.connection(), std::forward<Args>(args)...);
    }

    // For models/ classes that take the reader itself.
    QSqlDatabase connection() const { return m_database.connection(); }

private:
    Database m_database;
};
