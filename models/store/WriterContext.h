// What a StoreWriter job gets: the writer thread's stores. Jobs reach the connection only
// through the repositories of models/ (`context.repo<ConsentRows>()`), never as a raw handle.
#pragma once

#include "ChangeRecorder.h"
#include "Database.h"
#include "MessageStore.h"

#include <QSqlDatabase>

#include <memory>
#include <utility>

struct WriterContext
{
    std::unique_ptr<Database> database;
    std::unique_ptr<MessageStore> messages;
    ChangeRecorder recorder; // feeds StoreWriter::changes()

    // A repository or query of models/ working on the writer's connection; extra arguments
    // follow the connection in its constructor.
    template<typename Repository, typename... Args>
    Repository repo(Args &&...args) const
    {
        return Repository(database->connection(), std::forward<Args>(args)...);
    }

    // For models/ code only (repositories that take the whole context).
    QSqlDatabase db() const { return database->connection(); }
};
