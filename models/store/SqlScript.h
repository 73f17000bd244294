// Splits a multi-statement SQL file into single statements for QSqlQuery, which runs one at a time.
#pragma once

#include <QString>
#include <QStringList>

class SqlScript
{
public:
    // Statements end at a ';' outside quotes and comments. Inside CREATE TRIGGER the body's
    // own ';'s do not end it: only "END;" that follows a ';' does (the rule of sqlite3_complete,
    // so a CASE ... END inside a trigger is safe). Comments are kept inside a statement and
    // dropped between statements. Returns false and sets *error for text after the last ';'
    // or an unterminated quote/comment.
    static bool split(const QString &script, QStringList *statements, QString *error);
};
