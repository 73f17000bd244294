// Replaces typographic characters (curly quotes, dashes, ellipsis, odd spaces...) with GSM-7
// look-alikes, so that one pasted '“' does not turn a whole campaign into UCS-2.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class SmartCharacters
{
public:
    // The text with every replaceable code point replaced; everything else (emoji, letters
    // such as 'ç') is kept, so the result may still need UCS-2.
    static QString replaceWithGsm(const QString &text);

    static bool isReplaceable(char32_t codePoint);
    // The GSM-7 text that stands in for the code point (possibly empty: invisible characters
    // such as a zero-width space are dropped), or a null QString when it is not replaceable.
    static QString replacementFor(char32_t codePoint);

    // The distinct replaceable characters found in the text, in order of first appearance.
    static QStringList findReplaceable(const QString &text);

    // Every replaceable code point, ascending.
    static QList<char32_t> replaceableCodePoints();
};
