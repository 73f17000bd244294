// The answer of a command service: done (with the id of what it made or changed, if any), or
// refused or failed with a message for people.
#pragma once

#include <QString>

struct CommandResult
{
    bool ok = false;
    QString error;
    qint64 id = 0;

    static CommandResult success(qint64 id = 0);
    static CommandResult failure(const QString &error);
};

inline CommandResult CommandResult::success(qint64 id)
{
    CommandResult result;
    result.ok = true;
    result.id = id;
    return result;
}

inline CommandResult CommandResult::failure(const QString &error)
{
    CommandResult result;
    result.error = error;
    return result;
}
