// What a StoreWriter job gets: the writer thread's connection and the stores built on it.
#pragma once

#include "Database.h"
#include "MessageStore.h"

#include <QSqlDatabase>

#include <memory>

struct WriterContext
{
    std::unique_ptr<Database> database;
    std::unique_ptr<MessageStore> messages;

    QSqlDatabase db() const { return database->connection(); }
};
