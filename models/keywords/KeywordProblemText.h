// The validator's problems as a person reads them: each distinct problem once, the one to fix
// first on top. A second Unsubscribe process used to read "must keep the default keyword …"
// seven times before "this number already has an Unsubscribe process", the real cause.
#pragma once

#include "KeywordValidator.h"

#include <QStringList>

class KeywordProblemText
{
public:
    // One line per distinct problem, most fundamental first; problems of one kind about
    // several keywords are one line naming them all.
    static QStringList lines(const QList<KeywordValidator::Problem> &problems);
};
