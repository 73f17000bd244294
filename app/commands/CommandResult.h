// What a command service answers: done (with the id of the row it made or changed, if any), or
// refused with a message that names the problem.
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
