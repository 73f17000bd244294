// The personalisation values of a contact, as TemplateText tokens name them.
#pragma once

#include <QHash>
#include <QString>

class ContactFields
{
public:
    // first_name (the name's first word), last_name (the rest), name, phone, and every string
    // attribute of the contacts.attributes JSON object under its own key.
    static QHash<QString, QString> values(const QString &name, const QString &number,
                                          const QString &attributesJson);
};
