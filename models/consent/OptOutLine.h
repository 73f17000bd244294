// Recognises and adds the "Reply STOP to opt out." line that promotional texts must carry.
#pragma once

#include <QString>
#include <QStringList>

// The rule, case-insensitive: the text contains a default opt-out keyword as a whole word
// (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE — the provider's defaults) and,
// not overlapping it, a phrase that says what the keyword does: "opt out" (also "opt-out",
// "optout"), "unsubscribe", or "to stop" / "to end" / "to cancel" / "to quit".
// So "Reply STOP to opt out", "Text END to unsubscribe" and "STOP to stop" count; "Don't stop
// now!", "Reply STOP" and "to opt out, call us" do not. A keyword word that merely happens to
// sit next to such a phrase also counts; a reviewer still approves every promotional template.
class OptOutLine
{
public:
    static QString standardLine(); // "Reply STOP to opt out."
    static QStringList keywords();

    static bool isPresent(const QString &text);

    // `body` unchanged when it already has an opt-out line; else the standard line appended
    // after the body's trailing whitespace is trimmed: on a new line when the body has several
    // lines, after one space when it is a single line, alone when the body is empty.
    static QString appendTo(const QString &body);
};
