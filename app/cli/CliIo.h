// The standard streams a CLI command reads and writes, passed in so tests can swap them.
#pragma once

#include <QIODevice>
#include <QTextStream>

struct CliIo
{
    QIODevice &in;
    QTextStream &out;
    QTextStream &err;
};
