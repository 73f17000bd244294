// The outcome of PhoneNumber::parse(): a number, or the specific reason there is none.
#pragma once

#include "PhoneNumber.h"

#include <QString>

struct PhoneNumberParse
{
    PhoneNumber number;
    PhoneNumber::ParseError error = PhoneNumber::ParseError::None;
    // For people: names the input and what is wrong with it, e.g.
    // "'415555013' is too short for a phone number of region US".
    QString errorMessage;

    bool ok() const { return error == PhoneNumber::ParseError::None; }
};
