// The values a template's tokens take for one contact: first_name, last_name, name, phone and
// every attribute of the contact's JSON object.
#pragma once

#include <QHash>
#include <QString>

namespace ContactValues {

// `attributesJson` is the contacts.attributes column (a JSON object of strings; other JSON
// values are rendered as their JSON text). first_name is the name up to its first space,
// last_name the rest, unless the contact has first_name or last_name attributes (an import's
// first and last name columns): then those two. Other attributes named like a contact field
// (name, phone) do not override it.
QHash<QString, QString> forContact(const QString &name, const QString &number,
                                   const QString &attributesJson);

// Sets name, first_name, last_name and phone in `values` (over any attribute of that name).
void addContactFields(QHash<QString, QString> &values, const QString &name, const QString &phone);

} // namespace ContactValues
