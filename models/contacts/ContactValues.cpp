#include "ContactValues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace Qt::StringLiterals;

QHash<QString, QString> ContactValues::forContact(const QString &name, const QString &number,
                                                  const QString &attributesJson)
{
    QHash<QString, QString> values;
    const QJsonObject attributes = QJsonDocument::fromJson(attributesJson.toUtf8()).object();
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            values.insert(it.key(), value.toString());
        else if (value.isDouble())
            values.insert(it.key(), QString::number(value.toDouble()));
        else if (value.isBool())
            values.insert(it.key(), value.toBool() ? u"true"_s : u"false"_s);
    }
    // An import that had first and last name columns keeps them: more exact than splitting
    // the name ("Mary Ann" "Lee" is not "Mary" "Ann Lee").
    const QString first = values.value(u"first_name"_s);
    const QString last = values.value(u"last_name"_s);
    addContactFields(values, name, number);
    if (!first.trimmed().isEmpty() || !last.trimmed().isEmpty()) {
        values.insert(u"first_name"_s, first.trimmed());
        values.insert(u"last_name"_s, last.trimmed());
    }
    return values;
}

void ContactValues::addContactFields(QHash<QString, QString> &values, const QString &name,
                                     const QString &phone)
{
    const QString trimmed = name.simplified();
    const qsizetype space = trimmed.indexOf(u' ');
    values.insert(u"name"_s, trimmed);
    values.insert(u"first_name"_s, space < 0 ? trimmed : trimmed.left(space));
    values.insert(u"last_name"_s, space < 0 ? QString() : trimmed.mid(space + 1));
    values.insert(u"phone"_s, phone);
}
