// The limits on a contact's fields and on the CSV files they are imported from, in one place:
// every entry point (CSV import, CLI, command services, the team log's contact.put) checks
// them before it works, and docs/SECURITY.md lists them. Values are counted in UTF-16 code
// units (QString::size()), which is what a person sees as characters outside emoji.
#pragma once

#include <QString>

namespace ContactLimits {

// A contact's fields.
inline constexpr int MaxNameChars = 256;
inline constexpr int MaxTagChars = 64;
inline constexpr int MaxTags = 50;
inline constexpr int MaxAttributeKeyChars = 64;
inline constexpr int MaxAttributeValueChars = 1024;
inline constexpr int MaxAttributes = 100;
inline constexpr int MaxTimeZoneChars = 64;
inline constexpr int MaxConsentSourceChars = 256;
inline constexpr int MaxConsentCopyChars = 4096;

// CSV files (the contact import and the consent opt-in import).
inline constexpr qint64 MaxCsvFileBytes = 128 * 1024 * 1024;
inline constexpr int MaxCsvFieldChars = 4096;
inline constexpr int MaxCsvRowChars = 65536;
inline constexpr int MaxCsvColumns = 200;

// The first control character (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) in
// `text`, or -1. `multiLine` allows tab, line feed and carriage return (attribute values and
// a consent copy may hold several lines; names, tags and keys never).
qsizetype controlCharacter(const QString &text, bool multiLine = false);

// `text` to quote in a message: at most 40 characters, control characters shown as '?'.
QString shown(const QString &text);

// '' when `value` fits, else why not, naming `what` ("the name", "tag 'vip'", ...): its
// length against `maxChars`, or the control character and where it is.
QString check(const QString &what, const QString &value, int maxChars, bool multiLine = false);

// The checks of one contact's fields, each '' or the reason: a name, one tag, the number of
// tags, an attribute key, an attribute value, the number of attributes.
QString checkName(const QString &name);
QString checkTag(const QString &tag);
QString checkTagCount(qsizetype count);
QString checkAttributeKey(const QString &key);
QString checkAttributeValue(const QString &key, const QString &value);
QString checkAttributeCount(qsizetype count);

} // namespace ContactLimits
